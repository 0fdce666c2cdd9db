package cn.tierup.acceptance;

import cn.tierup.shared.BoundedText;
import cn.tierup.shared.DomainException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a 民主测评 sitting must satisfy: a date not in the future and a place; 应到 and 实到 of 党员 and of 群众代表, each
 * 实到 no more than its 应到 and somebody present; a list of organisations, each once and each one the holder may have
 * rated (graded this year, by it or in its subtree); and a paper count that adds up — sheets issued no more than
 * those present, returned no more than issued, and for every organisation 满意 + 基本满意 + 不满意 + 无效 equal to the
 * sheets returned, in the style of grading's {@code MeetingPolicy.checkTally}.
 */
public final class AppraisalPolicy {

    private AppraisalPolicy() {
    }

    public static void checkSitting(LocalDate heldOn, String place, Integer membersExpected, Integer membersPresent,
                                    Integer publicExpected, Integer publicPresent, LocalDate today) {
        if (heldOn == null) {
            throw new DomainException("acceptance.appraisal.date");
        }
        if (heldOn.isAfter(today)) {
            throw new DomainException("acceptance.appraisal.future");
        }
        BoundedText.TITLE.required(place, "acceptance.appraisal.place");
        checkPresent(membersExpected, membersPresent, "acceptance.appraisal.members");
        checkPresent(publicExpected, publicPresent, "acceptance.appraisal.public");
        if (membersPresent + publicPresent < 1) {
            throw new DomainException("acceptance.appraisal.nobody");
        }
    }

    private static void checkPresent(Integer expected, Integer present, String code) {
        if (expected == null || present == null || expected < 0 || present < 0) {
            throw new DomainException(code + ".missing");
        }
        if (present > expected) {
            throw new DomainException(code + ".exceed", present, expected);
        }
    }

    /** The organisations chosen: at least one, none twice, each among {@code eligible} (id → name). */
    public static void checkSubjects(List<Long> chosen, Map<Long, String> eligible) {
        if (chosen == null || chosen.isEmpty()) {
            throw new DomainException("acceptance.appraisal.subjects.none");
        }
        Set<Long> seen = new HashSet<>();
        for (Long id : chosen) {
            if (id == null || !eligible.containsKey(id)) {
                throw new DomainException("acceptance.appraisal.subjects.notEligible", id == null ? "" : id);
            }
            if (!seen.add(id)) {
                throw new DomainException("acceptance.appraisal.subjects.twice", eligible.get(id));
            }
        }
    }

    /** A paper count against the sitting's attendance and its list (id → name, in the list's order). */
    public static void checkTally(AppraisalTally t, int present, Map<Long, String> listed) {
        if (t.issued() == null || t.returned() == null || t.issued() < 0 || t.returned() < 0) {
            throw new DomainException("acceptance.appraisal.tally.sheets");
        }
        if (t.issued() > present) {
            throw new DomainException("acceptance.appraisal.tally.issued", t.issued(), present);
        }
        if (t.returned() > t.issued()) {
            throw new DomainException("acceptance.appraisal.tally.returned", t.returned(), t.issued());
        }
        Set<Long> seen = new HashSet<>();
        for (AppraisalTally.Line l : t.lines()) {
            if (l == null || l.organizationId() == null || !listed.containsKey(l.organizationId())) {
                throw new DomainException("acceptance.appraisal.tally.unlisted");
            }
            String name = listed.get(l.organizationId());
            if (!seen.add(l.organizationId())) {
                throw new DomainException("acceptance.appraisal.tally.twice", name);
            }
            Integer[] parts = {l.satisfied(), l.fairlySatisfied(), l.dissatisfied(), l.invalid()};
            for (Integer p : parts) {
                if (p == null || p < 0) {
                    throw new DomainException("acceptance.appraisal.tally.missing", name);
                }
            }
            int sum = l.satisfied() + l.fairlySatisfied() + l.dissatisfied() + l.invalid();
            if (sum != t.returned()) {
                throw new DomainException("acceptance.appraisal.tally.sum", name, sum, t.returned());
            }
        }
        for (Map.Entry<Long, String> e : listed.entrySet()) {
            if (!seen.contains(e.getKey())) {
                throw new DomainException("acceptance.appraisal.tally.missing", e.getValue());
            }
        }
    }
}
