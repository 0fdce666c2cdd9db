package cn.tierup.organization;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The facts kept of an organisation that a user fills in (the form record at the web boundary). {@code sortOrder}
 * is the 排序号 an office gives it among its parent's organisations (as it lists its units officially); left
 * empty, it sorts after those numbered, by pinyin.
 */
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
        LocalDate lastElectionOn,
        @Min(value = Organization.FIRST_SORT_ORDER, message = "{org.sortOrder.range}")
        @Max(value = Organization.LAST_SORT_ORDER, message = "{org.sortOrder.range}") Integer sortOrder) {

}
