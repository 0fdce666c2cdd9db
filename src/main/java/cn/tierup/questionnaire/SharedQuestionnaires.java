package cn.tierup.questionnaire;

import cn.tierup.questionnaire.internal.QuestionnaireRepository;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The questionnaires an organisation has open today behind their public links (callers have checked access). */
@Service
public class SharedQuestionnaires {

    private final QuestionnaireRepository questionnaires;

    SharedQuestionnaires(QuestionnaireRepository questionnaires) {
        this.questionnaires = questionnaires;
    }

    /** {@code coded}: answered only with a printed one-time code, which the organisation hands out. */
    public record Link(String title, String slug, boolean coded, LocalDate closesOn) {
    }

    @Transactional(readOnly = true)
    public List<Link> openToday(long campaignId, long organizationId) {
        LocalDate today = LocalDate.now();
        return questionnaires.findByCampaignIdAndOrganizationIdOrderByIdDesc(campaignId, organizationId).stream()
                .filter(q -> q.openOn(today))
                .map(q -> new Link(q.getTitle(), q.getSlug(), q.getMode() == AnswerMode.CODED, q.getClosesOn())).toList();
    }
}
