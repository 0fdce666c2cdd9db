package cn.tierup.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * What is filled in for a person on the roll. A blank idNumber or phone on an edit keeps the stored
 * value (the form shows it masked, never in full, to those who may not see it).
 */
public record MemberDetails(
        @NotBlank(message = "{member.name.required}") @Size(max = 50, message = "{field.tooLong}") String name,
        @NotNull(message = "{member.sex.required}") Sex sex,
        @Size(max = 20, message = "{field.tooLong}") String ethnicity,
        LocalDate birthDate,
        Education education,
        @NotNull(message = "{member.category.required}") MemberCategory category,
        LocalDate activistOn,
        LocalDate developmentTargetOn,
        LocalDate joinedOn,
        LocalDate regularizedOn,
        boolean retired,
        boolean floating,
        boolean inDifficulty,
        @Size(max = 18, message = "{member.idNumber.format}") String idNumber,
        @Size(max = 30, message = "{field.tooLong}") String phone) {
}
