package cn.tierup.pledge;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * An organisation's pledges as its office sees them: the public link, the 承诺书 and the members'
 * pledges, the suggestion queue, the superior's comments, the public's ratings, and what the viewer may do.
 */
public record BoardView(long campaignId, int year, long organizationId, String organizationName, String authorityName,
                        Long boardId, String slug, boolean suggestionsOpen, LocalDateTime publishedAt,
                        Pledge organisationPledge, List<Pledge> memberPledges, List<Suggestion> suggestions,
                        List<Comment> comments, Map<Satisfaction, Long> ratings, List<Member> members,
                        boolean canWrite, boolean canSign) {

    /** A party member of the organisation who may pledge. */
    public record Member(long id, String name, boolean pledged) {
    }

    public long pendingSuggestions() {
        return suggestions.stream().filter(s -> s.getStatus() == SuggestionStatus.PENDING).count();
    }

    public long ratingCount() {
        return ratings.values().stream().mapToLong(Long::longValue).sum();
    }

    /** (满意 + 基本满意) ÷ all ratings, in percent with one decimal. */
    public double satisfactionRate() {
        return PledgeFigures.rate(ratings.getOrDefault(Satisfaction.SATISFIED, 0L)
                + ratings.getOrDefault(Satisfaction.FAIRLY_SATISFIED, 0L), ratingCount());
    }
}
