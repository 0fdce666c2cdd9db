package cn.tierup.questionnaire;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A questionnaire as its pages show it, with its progress against the quota and how its answers spread over the
 * addresses they came from.
 */
public record QuestionnaireView(long id, long campaignId, long organizationId, String organizationName, long templateId,
                                String title,
                                String intro, List<Question> questions, String slug, AnswerMode mode, LocalDate opensOn,
                                LocalDate closesOn, boolean open, QuotaProgress progress, Audience audience, long codesIssued,
                                long codesSpent, AddressSpread addresses, long version, Sealing sealing) {

    /**
     * Whether the answers are sealed until the organiser's key counts them (a coded questionnaire), when they were
     * counted, and how many wait sealed: until the count, nothing is known of them but their number.
     */
    public record Sealing(boolean sealed, LocalDateTime countedAt, long waiting) {

        public boolean awaitingCount() {
            return sealed && countedAt == null;
        }
    }
}
