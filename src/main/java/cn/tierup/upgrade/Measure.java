package cn.tierup.upgrade;

import java.time.LocalDate;

/** One measure of a goal: what will be done, who answers for it, by when. */
public record Measure(String text, String owner, LocalDate dueOn) {
}
