package cn.tierup.shared;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The first {@code n} of many items in an order, offered one by one: only those {@code n} are held (a bounded heap),
 * so a short list can be cut from a province's 100,000 lines as they are read, without sorting or keeping them all.
 */
public final class FirstInOrder<T> {

    private final Comparator<? super T> order;
    private final int n;
    /** The kept items, the last in order on top: the one to drop when a better one comes. */
    private final PriorityQueue<T> kept;

    public FirstInOrder(Comparator<? super T> order, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        this.order = order;
        this.n = n;
        this.kept = new PriorityQueue<>(n + 1, order.reversed());
    }

    public void offer(T item) {
        if (kept.size() < n) {
            kept.add(item);
        } else if (order.compare(item, kept.peek()) < 0) {
            kept.poll();
            kept.add(item);
        }
    }

    /** The kept items, in order. */
    public List<T> list() {
        List<T> out = new ArrayList<>(kept);
        out.sort(order);
        return out;
    }
}
