package cn.tierup.shared.web;

import java.util.Set;

/**
 * The HTTP status of a refusal on the public pages (phone ballot, questionnaire, pledge page). The page a
 * resident sees is the same friendly Chinese one whatever the status; the status tells proxies, monitoring
 * and scripts what happened instead of a 200 that looks like success: an unknown link is 404, a browser token
 * the server did not issue for the page 403, something the state of the ballot or page no longer allows (closed,
 * not yet open, a code already spent, answered or rated once already) 409, too many submissions from one address
 * 429, and anything wrong in what was sent 422.
 */
public final class PublicRefusal {

    private static final Set<String> UNKNOWN = Set.of("ballot.unknown", "answer.noSuchQuestionnaire", "pledge.page.unknown");
    private static final Set<String> NOT_ISSUED = Set.of("answer.badToken", "rating.badToken");
    private static final Set<String> NO_LONGER = Set.of("ballot.closed", "ballot.notYet", "ballot.code", "answer.closed",
            "answer.notYetOpen", "answer.already", "answer.badCode", "answer.counted", "suggestion.closed", "rating.notPublished", "rating.notOpen",
            "rating.already");
    private static final String TOO_MANY = "answer.tooFast";

    private PublicRefusal() {
    }

    /** The status for the message code of a refusal. */
    public static int status(String code) {
        if (UNKNOWN.contains(code)) {
            return 404;
        }
        if (NOT_ISSUED.contains(code)) {
            return 403;
        }
        if (NO_LONGER.contains(code)) {
            return 409;
        }
        return TOO_MANY.equals(code) ? 429 : 422;
    }
}
