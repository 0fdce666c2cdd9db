package cn.tierup.campaign;

import java.time.LocalDate;
import java.util.List;

/**
 * An organisation's home in the campaign: what it owes in the current phase and where that stands,
 * the same for each of its children (with who is late), and the reminders it has been sent.
 */
public record Desk(CampaignView campaign, Phase phase, LocalDate today, List<Obligation> own,
                   List<ChildProgress> children, List<ReminderView> reminders) {

    public long lateChildren() {
        return children.stream().filter(c -> c.overdue(today)).count();
    }

    public long handedInChildren() {
        return children.stream().filter(c -> !c.obligations().isEmpty()
                && c.obligations().stream().allMatch(o -> o.status().handedIn())).count();
    }

    public record ChildProgress(long organizationId, String name, List<Obligation> obligations) {

        public boolean overdue(LocalDate today) {
            return obligations.stream().anyMatch(o -> o.overdue(today));
        }
    }
}
