package cn.tierup.campaign;

import cn.tierup.shared.Decision;
import cn.tierup.shared.DomainException;
import cn.tierup.shared.Messages;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * {@link PhaseWindowPolicy} applied to a campaign today: services ask {@link #require} before writing a phase's
 * work, pages ask {@link #gate} whether to show the form or when it opens, and lists ask the gate which of their
 * records were written after the phase ended (逾期).
 */
@Component
public class PhaseWindows {

    private final Messages messages;

    PhaseWindows(Messages messages) {
        this.messages = messages;
    }

    /** Refuses (as a {@link DomainException}, 422 on the API) the work of a phase that has not started. */
    public void require(CampaignView campaign, Phase phase) {
        decision(campaign, phase).orThrow();
    }

    public PhaseGate gate(CampaignView campaign, Phase phase) {
        PhaseDates d = campaign.phases().get(phase);
        LocalDate today = LocalDate.now();
        Decision may = PhaseWindowPolicy.mayWrite(phase, d, today);
        String notice = may.isAllowed() ? null : messages.of(new DomainException(may.code(), may.args()));
        return new PhaseGate(phase, campaign.status().get(phase), d.startsOn(), d.endsOn(), d.dueOn(), may.isAllowed(), notice);
    }

    private Decision decision(CampaignView campaign, Phase phase) {
        return PhaseWindowPolicy.mayWrite(phase, campaign.phases().get(phase), LocalDate.now());
    }
}
