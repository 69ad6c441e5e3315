package io.triggercache.oracle;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Who computed each value the cached methods returned from their bodies (loads and bypasses): the oracle activity of
 * the thread and the commits between which it ran. A stale read then says how its value got into the cache: a load
 * racing a commit, a reader holding an older persistence context or snapshot, a writer's own transaction.
 */
final class LoadLog {

    /** What the thread is doing, as the oracle set it. */
    static final ThreadLocal<String> CONTEXT = ThreadLocal.withInitial(() -> "outside the oracle's activities");

    private static final int MAX = 500_000;
    /** Who computed a value: the thread's activity and the epochs before and after the body ran. */
    record Computed(String context, long from, long to) {
        @Override
        public String toString() {
            return context + ", between commits #" + from + " and #" + to;
        }
    }

    private static volatile Map<List<Object>, Computed> computedBy = new ConcurrentHashMap<>();

    private LoadLog() {
    }

    /** Starts a run. */
    static void reset() {
        computedBy = new ConcurrentHashMap<>();
    }

    /** Runs a cached method's body and remembers who computed its value. */
    static <T> T record(CommitGate gate, ReadSpec spec, Object key, Supplier<T> body) {
        long from = gate.epoch();
        T value = body.get();
        long to = gate.epoch();
        Map<List<Object>, Computed> m = computedBy;
        if (m.size() > MAX) {
            m.clear();
        }
        m.put(List.of(spec, key, value), new Computed(CONTEXT.get(), from, to));
        return value;
    }

    /** Who last computed {@code value} for this key, or {@code null} if no body computed it. */
    static Computed computedBy(ReadSpec spec, Object key, Object value) {
        return computedBy.get(List.of(spec, key, value));
    }

    /** The kind of activity in a {@link #computedBy} answer: its text before the bracketed details. */
    static String kind(Computed computedBy) {
        if (computedBy == null) {
            return "(no body computed it)";
        }
        int i = computedBy.context().indexOf(" [");
        return i < 0 ? computedBy.context() : computedBy.context().substring(0, i);
    }
}
