package cn.tierup.grading;

/** One thing an organisation is scored on, and the most points it can get for it. */
public record Criterion(String text, int points) {
}
