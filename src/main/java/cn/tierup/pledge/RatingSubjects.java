package cn.tierup.pledge;

import cn.tierup.shared.Satisfaction;
import java.util.ArrayList;
import java.util.List;

/**
 * What the residents' satisfaction ballot of a pledge board is about: the organisation's pledges first, then each
 * member's pledge published when the rating opened, named by its id. Each rating holds a choice for every subject; for
 * a member's pledge the resident may leave it {@link #NOT_RATED}, which no figure counts. A ballot opened before members'
 * pledges were rated has the organisation only.
 */
final class RatingSubjects {

    /** The choice for a member's pledge the resident did not rate. */
    static final String NOT_RATED = "NOT_RATED";
    private static final String MEMBER = "党员承诺#";

    private RatingSubjects() {
    }

    static List<String> of(String organisationName, List<Long> memberPledges) {
        List<String> subjects = new ArrayList<>();
        subjects.add(organisationName);
        memberPledges.forEach(id -> subjects.add(MEMBER + id));
        return subjects;
    }

    /** The choices offered on every subject: the three satisfaction levels, then 未评价. */
    static List<String> choices() {
        List<String> choices = new ArrayList<>();
        for (Satisfaction s : Satisfaction.values()) {
            choices.add(s.name());
        }
        choices.add(NOT_RATED);
        return choices;
    }

    /** The member pledges a ballot's subjects name, in the ballot's order (subject 1 onwards). */
    static List<Long> memberPledges(List<String> subjects) {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i < subjects.size(); i++) {
            String s = subjects.get(i);
            ids.add(s.startsWith(MEMBER) ? Long.parseLong(s.substring(MEMBER.length())) : -1L);
        }
        return ids;
    }
}
