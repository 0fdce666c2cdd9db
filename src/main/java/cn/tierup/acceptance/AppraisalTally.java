package cn.tierup.acceptance;

import java.util.List;

/**
 * A paper sitting's count as the tellers read it out: ballot sheets issued and returned (one sheet per person present
 * rates every organisation on the list), and per organisation how the returned sheets split — 满意, 基本满意, 不满意,
 * or 无效 (left blank or spoilt for that organisation).
 */
public record AppraisalTally(Integer issued, Integer returned, List<Line> lines) {

    public AppraisalTally {
        // kept as sent, null lines included: the policy refuses them with a message rather than failing here
        lines = lines == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(lines));
    }

    public record Line(Long organizationId, Integer satisfied, Integer fairlySatisfied, Integer dissatisfied, Integer invalid) {
    }
}
