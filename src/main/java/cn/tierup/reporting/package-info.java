/**
 * Rolled-up tables and their printable .xlsx forms, the cockpit (工作看板) and its bulletins. Reads the other modules'
 * figures and counts nothing they count; the one table it owns, {@code dashboard_bulletin}, keeps each 情况通报 exactly as
 * it was issued.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package cn.tierup.reporting;
