package cn.tierup.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an administrator fills in to create or change an account. Password only on creation; {@code memberId}: the
 * person on the roll of the account's organisation it belongs to (a party member's account), or none.
 */
public record AccountForm(
        @NotBlank(message = "{account.username.required}") @Size(max = 50, message = "{account.username.invalid}") String username,
        @NotBlank(message = "{account.displayName.required}") @Size(max = 50, message = "{field.tooLong}") String displayName,
        @NotNull(message = "{account.organization.required}") Long organizationId,
        @NotNull(message = "{account.role.required}") Role role,
        String password,
        Boolean enabled,
        Long version,
        Long memberId) {
}
