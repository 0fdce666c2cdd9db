/**
 * 晋位升级: each organisation's goal for the year from its grade (approved by its authority), the
 * rectification ledger closed item by item on evidence, and assistance to the weak with its visits.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Upgrade")
package cn.tierup.upgrade;
