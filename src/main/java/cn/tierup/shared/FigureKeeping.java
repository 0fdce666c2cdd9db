package cn.tierup.shared;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.stereotype.Component;

/**
 * Makes the {@link KeptFigures} of the pages whose figures can be slow to count, with one setting for all: a count
 * slower than {@code tierup.figures.keep-slower-than} (1 s) is kept and renewed in the background once older than
 * {@code tierup.figures.renew-after} (1 minute), one renewal at a time on a thread of its own.
 */
@Component
public class FigureKeeping {

    private final Duration slow;
    private final Duration fresh;
    private final ThreadPoolExecutor pool;
    /** The pool, each renewal run as the user whose visit started it (the counts ask the scope guard). */
    private final Executor background;

    public FigureKeeping(@Value("${tierup.figures.keep-slower-than:1s}") Duration slow,
                         @Value("${tierup.figures.renew-after:1m}") Duration fresh) {
        this.slow = slow;
        this.fresh = fresh;
        this.pool = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "kept-figures");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        this.background = new DelegatingSecurityContextExecutor(pool);
    }

    /** Figures of one kind (named in the log when a renewal fails), kept by key. */
    public <K, V> KeptFigures<K, V> keeper(String name) {
        return new KeptFigures<>(name, slow, fresh, background);
    }

    /** With explicit limits, for tests of the keeping itself. */
    public static <K, V> KeptFigures<K, V> keeper(String name, Duration slow, Duration fresh) {
        ThreadPoolExecutor own = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        own.allowCoreThreadTimeOut(true);
        return new KeptFigures<>(name, slow, fresh, own);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
