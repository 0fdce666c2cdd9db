package cn.tierup.pledge.web;

import cn.tierup.shared.FormValues;
import cn.tierup.pledge.Pledges;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A 承诺书 form as typed: goal, items, whether the member's name is shown, version. The items are named
 * {@code item0}, {@code item1}, … by the page, so they are read from the parameters here rather than
 * bound by name.
 */
record PledgeFields(String goal, List<String> items, boolean showName, String version) {

    /** Empty item rows offered below the written ones. */
    static final int SPARE_ROWS = 3;

    static PledgeFields read(Map<String, String> params) {
        List<String> items = new ArrayList<>();
        for (int i = 0; params.containsKey("item" + i); i++) {
            items.add(params.get("item" + i));
        }
        return new PledgeFields(params.get("goal"), items, "true".equals(params.get("showName")), params.get("version"));
    }

    Pledges.PledgeForm toForm() {
        return new Pledges.PledgeForm(goal, items, showName, FormValues.longValue(version));
    }

    /** The rows a form shows: the given items and spare rows below. */
    static List<String> rows(List<String> items) {
        List<String> rows = new ArrayList<>(items);
        for (int i = 0; i < SPARE_ROWS; i++) {
            rows.add("");
        }
        return rows;
    }
}
