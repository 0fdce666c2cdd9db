/**
 * The party member's home (党员之家): their own branch in the year's campaign, read-only and on a phone — the phase
 * and what the branch is doing, its decided grade and approved goal, its published pledges and the member's own,
 * and the public links it has open. Owns no table: every fact is asked of the module that owns it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Member home")
package cn.tierup.memberhome;
