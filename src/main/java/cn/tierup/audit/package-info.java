/** The audit trail: who changed what, when, before and after. Append-only; read by administrators. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package cn.tierup.audit;
