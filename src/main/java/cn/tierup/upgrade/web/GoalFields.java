package cn.tierup.upgrade.web;

import cn.tierup.shared.FormValues;
import cn.tierup.upgrade.GoalView;
import cn.tierup.upgrade.Measure;
import cn.tierup.upgrade.ModelLevel;
import cn.tierup.upgrade.UpgradeGoals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The goal form as typed: level, statement, version and the measure rows. The rows are named
 * {@code m0text}, {@code m0owner}, {@code m0due}, … by the page, so they are read from the parameters
 * here rather than bound by name; each row is {text, owner, due}.
 */
record GoalFields(ModelLevel modelLevel, String statement, String version, List<String[]> rows) {

    /** Empty measure rows offered below the written ones. */
    static final int SPARE_ROWS = 3;

    static GoalFields read(Map<String, String> params) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; params.containsKey("m" + i + "text"); i++) {
            rows.add(new String[] {params.get("m" + i + "text"), params.get("m" + i + "owner"), params.get("m" + i + "due")});
        }
        return new GoalFields(FormValues.choice(ModelLevel.class, params.get("modelLevel")), params.get("statement"),
                params.get("version"), rows);
    }

    /** The goal as stored, with spare rows to write more. */
    static GoalFields of(GoalView g) {
        List<String[]> rows = new ArrayList<>();
        for (Measure m : g.measures()) {
            rows.add(new String[] {m.text(), m.owner(), m.dueOn() == null ? "" : m.dueOn().toString()});
        }
        addSpare(rows, rows.size() + SPARE_ROWS);
        return new GoalFields(g.modelLevel(), g.statement(), null, rows);
    }

    /** What the goals service takes; a date or number that does not read is refused here. */
    UpgradeGoals.GoalForm toForm() {
        List<Measure> measures = new ArrayList<>();
        for (String[] r : rows) {
            if (!blank(r)) {
                measures.add(new Measure(r[0], r[1], FormValues.date(r[2])));
            }
        }
        return new UpgradeGoals.GoalForm(modelLevel, statement, measures, FormValues.longValue(version));
    }

    /** The typed rows again, with spare rows below the filled ones. */
    GoalFields withSpareRows() {
        List<String[]> typed = new ArrayList<>(rows);
        addSpare(typed, (int) rows.stream().filter(r -> !blank(r)).count() + SPARE_ROWS);
        return new GoalFields(modelLevel, statement, version, typed);
    }

    private static boolean blank(String[] row) {
        return FormValues.blank(row[0]) && FormValues.blank(row[1]) && FormValues.blank(row[2]);
    }

    private static void addSpare(List<String[]> rows, int size) {
        while (rows.size() < size) {
            rows.add(new String[] {"", "", ""});
        }
    }
}
