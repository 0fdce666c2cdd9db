package cn.tierup.grading;

import java.util.List;

/** A dimension of the standard, e.g. 领导班子好, with its criteria. */
public record Dimension(String name, List<Criterion> criteria) {

    public Dimension {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    public int points() {
        return criteria.stream().mapToInt(Criterion::points).sum();
    }
}
