package cn.tierup.shared;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits bursts of public submissions (answers, suggestions, ratings) from one address, per minute, in
 * memory only: the address is never stored. Several instances each keep their own window, which is
 * enough against a script or a double-tapping crowd.
 */
public class BurstLimit {

    private final int perMinute;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    public BurstLimit(int perMinute) {
        this.perMinute = perMinute;
    }

    public boolean admit(String address) {
        long now = System.currentTimeMillis();
        Deque<Long> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() > 60_000) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                return false;
            }
            times.addLast(now);
        }
        if (recent.size() > 100_000) {
            recent.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || now - e.getValue().peekLast() > 60_000;
                }
            });
        }
        return true;
    }
}
