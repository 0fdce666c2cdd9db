/**
 * The organisation tree (党组织) with its stored path, the member roll (党员) and the leadership (班子),
 * with import from and export to the spreadsheets offices already keep.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organization")
package cn.tierup.organization;
