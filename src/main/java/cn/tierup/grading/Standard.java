package cn.tierup.grading;

import cn.tierup.shared.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The content of a grading scheme: dimensions with criteria and points, grades with thresholds (highest
 * first), and veto items (一票否决) that force the lowest grade. Kept as one document.
 */
public record Standard(List<Dimension> dimensions, List<GradeBand> grades, List<String> vetoes) {

    /**
     * The score the band at {@code index} stays below — the next higher band's minimum — or null for the
     * highest band. With its own minimum this gives its range: 85 and up, 60 up to 85, below 60.
     */
    public Integer below(int index) {
        return index == 0 ? null : grades.get(index - 1).minimum();
    }

    public Standard {
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        grades = grades == null ? List.of() : List.copyOf(grades);
        vetoes = vetoes == null ? List.of() : List.copyOf(vetoes);
        SchemePolicy.check(dimensions, grades, vetoes);
    }

    public int maximum() {
        return dimensions.stream().mapToInt(Dimension::points).sum();
    }

    /** The result of a filled score sheet (自查评分表). */
    public record Evaluation(int total, int maximum, GradeBand grade, List<String> vetoesHit, List<Integer> dimensionTotals) {

        public boolean vetoed() {
            return !vetoesHit.isEmpty();
        }
    }

    /**
     * Scores a sheet: {@code scores} maps "d.c" (dimension and criterion, from 1) to the points given; a
     * missing one counts 0; no score may exceed its criterion's points. Any veto item hit gives the lowest
     * grade whatever the total.
     */
    public Evaluation evaluate(Map<String, Integer> scores, Set<Integer> vetoesHit) {
        for (String key : scores.keySet()) {
            // a score for no criterion would be stored and silently ignored
            String[] dc = key.split("\\.");
            if (dc.length != 2 || !dc[0].matches("\\d{1,3}") || !dc[1].matches("\\d{1,3}")
                    || Integer.parseInt(dc[0]) < 1 || Integer.parseInt(dc[0]) > dimensions.size()
                    || Integer.parseInt(dc[1]) < 1 || Integer.parseInt(dc[1]) > dimensions.get(Integer.parseInt(dc[0]) - 1).criteria().size()) {
                throw new DomainException("score.key", key);
            }
        }
        int total = 0;
        List<Integer> perDimension = new ArrayList<>();
        for (int d = 0; d < dimensions.size(); d++) {
            int sum = 0;
            List<Criterion> cs = dimensions.get(d).criteria();
            for (int c = 0; c < cs.size(); c++) {
                Integer s = scores.get((d + 1) + "." + (c + 1));
                if (s == null) {
                    continue;
                }
                if (s < 0 || s > cs.get(c).points()) {
                    throw new DomainException("score.range", dimensions.get(d).name(), c + 1, cs.get(c).points());
                }
                sum += s;
            }
            perDimension.add(sum);
            total += sum;
        }
        List<String> hit = new ArrayList<>();
        for (Integer v : vetoesHit == null ? Set.<Integer>of() : vetoesHit) {
            if (v < 1 || v > vetoes.size()) {
                throw new DomainException("score.veto");
            }
            hit.add(vetoes.get(v - 1));
        }
        GradeBand grade = grades.get(grades.size() - 1);
        if (hit.isEmpty()) {
            for (GradeBand g : grades) {
                if (total >= g.minimum()) {
                    grade = g;
                    break;
                }
            }
        }
        return new Evaluation(total, maximum(), grade, hit, perDimension);
    }
}
