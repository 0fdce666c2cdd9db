package cn.tierup.questionnaire;

import java.time.LocalDate;
import java.util.List;

/**
 * A questionnaire as its pages show it, with its progress against the quota and how its answers spread over the
 * addresses they came from.
 */
public record QuestionnaireView(long id, long campaignId, long organizationId, String organizationName, long templateId,
                                String title,
                                String intro, List<Question> questions, String slug, AnswerMode mode, LocalDate opensOn,
                                LocalDate closesOn, boolean open, QuotaProgress progress, Audience audience, long codesIssued,
                                long codesSpent, AddressSpread addresses, long version) {
}
