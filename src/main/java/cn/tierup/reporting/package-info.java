/** Rolled-up tables and their printable .xlsx forms. Reads the other modules' figures; owns no truth. */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package cn.tierup.reporting;
