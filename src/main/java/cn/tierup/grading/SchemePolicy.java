package cn.tierup.grading;

import cn.tierup.shared.DomainException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A usable standard: at least one dimension, every criterion worth 1–100 points, two or more grades with
 * distinct names and strictly falling thresholds from the total down to 0 for the last, and the lowest
 * grade a 后进-class one (a veto lands there).
 */
public final class SchemePolicy {

    private SchemePolicy() {
    }

    public static void check(List<Dimension> dimensions, List<GradeBand> grades, List<String> vetoes) {
        if (dimensions == null || dimensions.isEmpty()) {
            throw new DomainException("scheme.dimensions");
        }
        int total = 0;
        for (Dimension d : dimensions) {
            if (d.name() == null || d.name().isBlank() || d.criteria().isEmpty()) {
                throw new DomainException("scheme.dimension", d.name());
            }
            for (Criterion c : d.criteria()) {
                if (c.text() == null || c.text().isBlank() || c.points() < 1 || c.points() > 100) {
                    throw new DomainException("scheme.criterion", d.name());
                }
                total += c.points();
            }
        }
        if (grades == null || grades.size() < 2) {
            throw new DomainException("scheme.grades");
        }
        Set<String> names = new HashSet<>();
        int previous = Integer.MAX_VALUE;
        for (GradeBand g : grades) {
            if (g.name() == null || g.name().isBlank() || !names.add(g.name()) || g.level() == null) {
                throw new DomainException("scheme.gradeName");
            }
            if (g.minimum() >= previous || g.minimum() < 0 || g.minimum() > total) {
                throw new DomainException("scheme.thresholds", total);
            }
            previous = g.minimum();
        }
        GradeBand last = grades.get(grades.size() - 1);
        if (last.minimum() != 0 || last.level() != Grade.LAGGING) {
            throw new DomainException("scheme.lowest");
        }
        if (vetoes != null && vetoes.stream().anyMatch(v -> v == null || v.isBlank())) {
            throw new DomainException("scheme.veto");
        }
    }
}
