/**
 * The campaign year (三分类三升级活动): its four phases with dates and deadlines, the year's targets,
 * what each organisation owes in the current phase (from the modules that own the work), reminders.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaign")
package cn.tierup.campaign;
