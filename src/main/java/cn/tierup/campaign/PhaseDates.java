package cn.tierup.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** When a phase runs and when its work is due (e.g. reports by 3月31日). */
@Embeddable
public record PhaseDates(@Column(name = "starts_on") LocalDate startsOn, @Column(name = "ends_on") LocalDate endsOn,
                         @Column(name = "due_on") LocalDate dueOn) {
}
