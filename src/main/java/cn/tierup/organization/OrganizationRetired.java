package cn.tierup.organization;

import java.time.LocalDate;

/** An organisation was retired (撤销) on a day; it keeps its records but takes part in nothing new. */
public record OrganizationRetired(long organizationId, LocalDate retiredOn) {
}
