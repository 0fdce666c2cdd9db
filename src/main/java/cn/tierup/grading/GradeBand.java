package cn.tierup.grading;

/**
 * A grade and the least total score that earns it (先进 85, 一般 60, 后进 0). {@code level} is its place in
 * the programme's three classes — ADVANCED, AVERAGE or LAGGING — so targets and rates are comparable
 * whatever the scheme calls its grades (一类/二类/三类, 好/较好/一般/较差).
 */
public record GradeBand(String name, int minimum, Grade level) {
}
