/**
 * Accounts, roles, the acting user and the one guard that decides whether a user may act on an
 * organisation: every service asks {@link cn.tierup.identity.ScopeGuard}, every list takes an
 * {@link cn.tierup.identity.OrgScope}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package cn.tierup.identity;
