package cn.tierup.grading;

import cn.tierup.shared.BoundedText;
import cn.tierup.shared.DomainException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a grading meeting's record must satisfy before it is taken: a date not in the future and a place;
 * 实到 no more than 应到 (and, at a member meeting, more than half of the members, as the Party's rules
 * require for a vote); votes only for the scheme's grades, together no more than those present, with one
 * grade ahead of the others; and a ballot count that adds up.
 */
public final class MeetingPolicy {

    private MeetingPolicy() {
    }

    public static void checkHeld(LocalDate heldOn, String place, Integer expected, Integer attendance, LocalDate today) {
        if (heldOn == null) {
            throw new DomainException("meeting.date");
        }
        if (heldOn.isAfter(today)) {
            throw new DomainException("meeting.future");
        }
        BoundedText.TITLE.required(place, "meeting.place");
        if (expected == null || expected < 1) {
            throw new DomainException("meeting.expected");
        }
        if (attendance == null || attendance < 1 || attendance > expected) {
            throw new DomainException("meeting.attendance", expected);
        }
    }

    /** A member meeting may vote only when more than half of those entitled are there. */
    public static void checkQuorum(int expected, int attendance) {
        if (attendance * 2 <= expected) {
            throw new DomainException("meeting.quorum", expected, attendance);
        }
    }

    /** Checks votes for grades and returns the leading grade's name. */
    public static String leadingGrade(Map<String, Integer> votes, List<GradeBand> grades, int attendance) {
        if (votes == null || votes.isEmpty()) {
            throw new DomainException("meeting.votes.none");
        }
        int sum = 0;
        for (Map.Entry<String, Integer> e : votes.entrySet()) {
            if (grades.stream().noneMatch(g -> g.name().equals(e.getKey()))) {
                throw new DomainException("meeting.votes.grade", e.getKey());
            }
            if (e.getValue() == null || e.getValue() < 0) {
                throw new DomainException("meeting.votes.negative", e.getKey());
            }
            sum += e.getValue();
        }
        if (sum == 0) {
            throw new DomainException("meeting.votes.none");
        }
        if (sum > attendance) {
            throw new DomainException("meeting.votes.exceed", sum, attendance);
        }
        int best = votes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<String> leaders = votes.entrySet().stream().filter(e -> e.getValue() == best).map(Map.Entry::getKey).toList();
        if (leaders.size() > 1) {
            throw new DomainException("meeting.votes.tie", String.join("、", leaders), best);
        }
        return leaders.get(0);
    }

    /** A paper ballot: issued ≤ present, returned ≤ issued, and the returned ballots add up. */
    public static void checkTally(PaperTally t) {
        Integer[] parts = {t.issued(), t.returned(), t.agree(), t.disagree(), t.abstain(), t.invalid()};
        for (Integer p : parts) {
            if (p == null || p < 0) {
                throw new DomainException("ballot.tally.missing");
            }
        }
        if (t.issued() > t.attendance()) {
            throw new DomainException("ballot.issued.exceed", t.issued(), t.attendance());
        }
        if (t.returned() > t.issued()) {
            throw new DomainException("ballot.returned.exceed", t.returned(), t.issued());
        }
        int counted = t.agree() + t.disagree() + t.abstain() + t.invalid();
        if (counted != t.returned()) {
            throw new DomainException("ballot.tally.sum", counted, t.returned());
        }
    }
}
