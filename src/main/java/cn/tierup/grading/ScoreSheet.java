package cn.tierup.grading;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** A filled 自查评分表: points per criterion ("维度.细则", from 1) and the veto items found (from 1). */
public record ScoreSheet(Map<String, Integer> scores, Set<Integer> vetoes) {

    public ScoreSheet {
        scores = scores == null ? Map.of() : new TreeMap<>(scores);
        vetoes = vetoes == null ? Set.of() : new TreeSet<>(vetoes);
    }

    public static ScoreSheet empty() {
        return new ScoreSheet(Map.of(), Set.of());
    }

    public List<Integer> vetoList() {
        return List.copyOf(vetoes);
    }
}
