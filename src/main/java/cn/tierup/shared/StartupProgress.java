package cn.tierup.shared;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Work the application still does after it has begun to answer (the demo city loading into an empty
 * database on a first start): the login page says how far it is instead of refusing the demo accounts
 * without a word, since they exist only once the load commits.
 */
@Component
public class StartupProgress {

    /** {@code done} of {@code total} steps finished; {@code step} names the one under way, as a user reads it. */
    public record Snapshot(String task, int done, int total, String step) {

        public int percent() {
            return total == 0 ? 0 : done * 100 / total;
        }
    }

    private volatile Snapshot current;

    public void begin(String task, int total) {
        current = new Snapshot(task, 0, total, "");
    }

    /** The next step begins; the one before it is done. */
    public Snapshot step(String step) {
        Snapshot now = current;
        if (now == null) {
            throw new IllegalStateException("no task under way");
        }
        Snapshot next = new Snapshot(now.task(), now.step().isEmpty() ? 0 : now.done() + 1, now.total(), step);
        current = next;
        return next;
    }

    public void end() {
        current = null;
    }

    public Optional<Snapshot> current() {
        return Optional.ofNullable(current);
    }
}
