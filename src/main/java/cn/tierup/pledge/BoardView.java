package cn.tierup.pledge;

import cn.tierup.shared.Satisfaction;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * An organisation's pledges as its office sees them: the public link, the 承诺书 and the members' pledges,
 * the suggestion queue, the superior's comments, the public's ratings (counted totals; while a rating runs, only
 * how many have rated) of the organisation's pledges and of each member's published one, and what the viewer may do. Views
 * only, built inside the use case, so that no entity (nor its lazy items) leaves the service.
 */
public record BoardView(long campaignId, int year, long organizationId, String organizationName, String authorityName,
                        Long boardId, String slug, boolean suggestionsOpen, LocalDateTime publishedAt,
                        PledgeSheet organisationPledge, List<PledgeSheet> memberPledges, List<Suggested> suggestions,
                        List<Commented> comments, Map<Satisfaction, Long> ratings, List<Member> members,
                        boolean canWrite, boolean canSign, RatingState ratingState, int ratingsCast,
                        LocalDateTime ratingsCountedAt, List<MemberRating> memberRatings) {

    /** The residents' satisfaction rating: not opened yet, running (sealed, uncounted), or counted. */
    public enum RatingState {
        NOT_OPEN, OPEN, COUNTED
    }

    /** A resident's suggestion: its text and day, and who in the office took it up or set it aside. */
    public record Suggested(long id, String text, SuggestionStatus status, LocalDate submittedOn, String moderatedBy,
                            LocalDateTime moderatedAt) {

        static Suggested of(Suggestion s) {
            return new Suggested(s.getId(), s.getText(), s.getStatus(), s.getSubmittedOn(), s.getModeratedBy(), s.getModeratedAt());
        }
    }

    /** A superior's 点评. */
    public record Commented(long id, String text, String writtenBy, LocalDateTime writtenAt) {

        static Commented of(Comment c) {
            return new Commented(c.getId(), c.getText(), c.getWrittenBy(), c.getWrittenAt());
        }
    }

    /** A party member of the organisation who may pledge. */
    public record Member(long id, String name, boolean pledged) {
    }

    public long pendingSuggestions() {
        return suggestions.stream().filter(s -> s.status() == SuggestionStatus.PENDING).count();
    }

    public long ratingCount() {
        return cn.tierup.shared.SatisfactionRate.of(ratings).ratings();
    }

    /** (满意 + 基本满意) ÷ all ratings, in percent with two decimals. */
    public java.math.BigDecimal satisfactionRate() {
        return cn.tierup.shared.SatisfactionRate.of(ratings).percent();
    }
}
