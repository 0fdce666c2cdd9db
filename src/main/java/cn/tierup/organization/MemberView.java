package cn.tierup.organization;

import java.time.LocalDate;

/**
 * A person on the roll as shown to the current user: ID number and phone are masked unless the user
 * manages that roll ({@code personalDataVisible}).
 */
public record MemberView(long id, long organizationId, String organizationName, String name, Sex sex,
                         String ethnicity, LocalDate birthDate, Education education, MemberCategory category,
                         LocalDate activistOn, LocalDate developmentTargetOn, LocalDate joinedOn,
                         LocalDate regularizedOn, boolean retired, boolean floating, boolean inDifficulty,
                         String idNumber, String phone, boolean personalDataVisible, MemberStatus status,
                         LocalDate leftOn, LeaveReason leaveReason, long version) {
}
