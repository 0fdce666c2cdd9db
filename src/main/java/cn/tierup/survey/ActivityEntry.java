package cn.tierup.survey;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** One survey record as entered: what, when, how many (and for 问卷 how many came back; for 民主测评 which group). */
public record ActivityEntry(
        @NotNull(message = "{activity.kind.required}") ActivityKind kind,
        @NotNull(message = "{activity.date.required}") LocalDate occurredOn,
        @NotNull(message = "{activity.amount.required}") @Min(value = 1, message = "{activity.amount.range}") @Max(value = 100000, message = "{activity.amount.range}") Integer amount,
        @Min(value = 0, message = "{activity.returned.range}") Integer returnedCount,
        EvaluatorGroup evaluatorGroup,
        @Size(max = 300, message = "{field.tooLong}") String note) {
}
