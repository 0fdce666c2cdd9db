package cn.tierup.acceptance.web;

import cn.tierup.acceptance.AppraisalMode;
import cn.tierup.acceptance.AppraisalTally;
import cn.tierup.acceptance.Appraisals;
import cn.tierup.shared.FormValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The page forms of the 民主测评, kept as typed text so that a refused form is shown again as it was typed. */
record AppraisalFields(String heldOn, String place, String membersExpected, String membersPresent, String publicExpected,
                       String publicPresent, String mode, List<String> organizations) {

    static final AppraisalFields EMPTY = new AppraisalFields(null, null, null, null, "0", "0", "PAPER", null);

    Appraisals.SittingForm toForm() {
        List<Long> ids = new ArrayList<>();
        if (organizations != null) {
            for (String o : organizations) {
                Long id = FormValues.longValue(o);
                if (id != null) {
                    ids.add(id);
                }
            }
        }
        return new Appraisals.SittingForm(FormValues.date(heldOn), place, FormValues.integer(membersExpected, null),
                FormValues.integer(membersPresent, null), FormValues.integer(publicExpected, null),
                FormValues.integer(publicPresent, null), FormValues.choice(AppraisalMode.class, mode), ids);
    }

    /** The fields as the page shows them again (the page reads a map: this record is not public). */
    Map<String, String> shown() {
        Map<String, String> m = new java.util.HashMap<>();
        m.put("heldOn", heldOn);
        m.put("place", place);
        m.put("membersExpected", membersExpected);
        m.put("membersPresent", membersPresent);
        m.put("publicExpected", publicExpected);
        m.put("publicPresent", publicPresent);
        m.put("mode", mode);
        return m;
    }

    /** The organisations ticked, as ids; null before the form was sent (every one is then ticked). */
    java.util.Set<Long> picked() {
        if (organizations == null) {
            return null;
        }
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (String o : organizations) {
            try {
                ids.add(Long.valueOf(o.strip()));
            } catch (NumberFormatException | NullPointerException e) {
                // not an organisation's id: nothing ticked for it
            }
        }
        return ids;
    }

    /**
     * A paper count as typed: {@code issued}, {@code returned} and per organisation {@code s-<id>}, {@code f-<id>},
     * {@code d-<id>}, {@code x-<id>} (满意, 基本满意, 不满意, 无效), read from the form's parameters.
     */
    static AppraisalTally tally(Map<String, String> p, List<Long> organizations) {
        List<AppraisalTally.Line> lines = new ArrayList<>();
        for (Long id : organizations) {
            lines.add(new AppraisalTally.Line(id, FormValues.integer(p.get("s-" + id), null),
                    FormValues.integer(p.get("f-" + id), null), FormValues.integer(p.get("d-" + id), null),
                    FormValues.integer(p.get("x-" + id), null)));
        }
        return new AppraisalTally(FormValues.integer(p.get("issued"), null), FormValues.integer(p.get("returned"), null), lines);
    }
}
