package cn.tierup.grading;

import cn.tierup.shared.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A standard as an office worker types it:
 * <pre>
 * 【维度】领导班子好
 * - 认真学习贯彻党的路线方针政策 3
 * 【等次】先进 85 先进类
 * 【等次】一般 60 一般类
 * 【等次】后进 0 后进类
 * 【一票否决】领导班子严重不团结
 * </pre>
 * Grades from the highest down; each says which of the three classes it belongs to. {@link #format}
 * writes the same text back.
 */
public final class StandardText {

    private static final Pattern DIMENSION = Pattern.compile("^\\s*【维度】\\s*(.+)$");
    private static final Pattern CRITERION = Pattern.compile("^\\s*[-－•·]\\s*(.+?)\\s+(\\d+)\\s*分?\\s*$");
    private static final Pattern GRADE = Pattern.compile("^\\s*【等次】\\s*(\\S+)\\s+(\\d+)\\s+(先进类|一般类|后进类)\\s*$");
    private static final Pattern VETO = Pattern.compile("^\\s*【一票否决】\\s*(.+)$");
    private static final Map<String, Grade> LEVELS = Map.of("先进类", Grade.ADVANCED, "一般类", Grade.AVERAGE, "后进类", Grade.LAGGING);

    private StandardText() {
    }

    public static Standard parse(String text) {
        List<Dimension> dimensions = new ArrayList<>();
        List<GradeBand> grades = new ArrayList<>();
        List<String> vetoes = new ArrayList<>();
        String dimension = null;
        List<Criterion> criteria = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            Matcher d = DIMENSION.matcher(line);
            Matcher c = CRITERION.matcher(line);
            Matcher g = GRADE.matcher(line);
            Matcher v = VETO.matcher(line);
            if (d.matches()) {
                if (dimension != null) {
                    dimensions.add(new Dimension(dimension, criteria));
                }
                dimension = d.group(1).strip();
                criteria = new ArrayList<>();
            } else if (c.matches() && dimension != null) {
                criteria.add(new Criterion(c.group(1).strip(), Integer.parseInt(c.group(2))));
            } else if (g.matches()) {
                grades.add(new GradeBand(g.group(1), Integer.parseInt(g.group(2)), LEVELS.get(g.group(3))));
            } else if (v.matches()) {
                vetoes.add(v.group(1).strip());
            } else {
                throw new DomainException("standardText.line", i + 1);
            }
        }
        if (dimension != null) {
            dimensions.add(new Dimension(dimension, criteria));
        }
        return new Standard(dimensions, grades, vetoes);
    }

    public static String format(Standard s) {
        StringBuilder b = new StringBuilder();
        for (Dimension d : s.dimensions()) {
            b.append("【维度】").append(d.name()).append('\n');
            for (Criterion c : d.criteria()) {
                b.append("- ").append(c.text()).append(' ').append(c.points()).append('\n');
            }
        }
        for (GradeBand g : s.grades()) {
            String level = LEVELS.entrySet().stream().filter(e -> e.getValue() == g.level()).findFirst().orElseThrow().getKey();
            b.append("【等次】").append(g.name()).append(' ').append(g.minimum()).append(' ').append(level).append('\n');
        }
        for (String v : s.vetoes()) {
            b.append("【一票否决】").append(v).append('\n');
        }
        return b.toString();
    }
}
