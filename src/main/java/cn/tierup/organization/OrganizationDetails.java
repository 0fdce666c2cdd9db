package cn.tierup.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The facts kept of an organisation that a user fills in (the form record at the web boundary). */
public record OrganizationDetails(
        @NotBlank(message = "{org.name.required}") @Size(max = 100, message = "{field.tooLong}") String name,
        @NotNull(message = "{org.kind.required}") OrgKind kind,
        @NotNull(message = "{org.field.required}") Field field,
        @Size(max = 50, message = "{field.tooLong}") String secretary,
        @Size(max = 50, message = "{field.tooLong}") String contactPerson,
        @Size(max = 30, message = "{field.tooLong}") String contactPhone,
        UnitType unitType,
        @Size(max = 100, message = "{field.tooLong}") String unitName,
        LocalDate establishedOn,
        LocalDate lastElectionOn) {
}
