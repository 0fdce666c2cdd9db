package cn.tierup.acceptance.web;

import cn.tierup.acceptance.WorkSummaryText;
import cn.tierup.shared.DomainException;
import java.util.Map;
import java.util.TreeSet;

/**
 * A request about a 工作总结 carries its three written parts and the version, nothing else: a figure sent with it
 * (先进数, 升级率 …) would be a typed figure, and is refused by name rather than silently dropped.
 */
final class SummaryBody {

    private SummaryBody() {
    }

    static WorkSummaryText text(Map<String, Object> body) {
        if (body == null) {
            return null;
        }
        TreeSet<String> extra = new TreeSet<>(body.keySet());
        extra.removeAll(WorkSummaryText.FIELDS);
        if (!extra.isEmpty()) {
            throw new DomainException("acceptance.summary.figuresTyped", String.join("、", extra));
        }
        Object v = body.get("version");
        Long version;
        if (v == null) {
            version = null;
        } else if (v instanceof Number n) {
            version = n.longValue();
        } else {
            throw new DomainException("acceptance.summary.version.invalid");
        }
        return new WorkSummaryText(string(body.get("achievements")), string(body.get("problems")), string(body.get("plans")),
                version);
    }

    private static String string(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        throw new DomainException("acceptance.summary.text.invalid");
    }
}
