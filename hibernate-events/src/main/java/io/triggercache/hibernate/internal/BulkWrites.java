package io.triggercache.hibernate.internal;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The bulk writes (JPQL/HQL or native DML, procedure calls naming the entity's tables) of one entity class, so that a
 * lost update over them can be seen. A bulk statement carries no entity states: a transaction that loaded an entity
 * before another transaction's bulk statement changed its row, and then writes it (Hibernate's full-row
 * {@code UPDATE}, or a {@code DELETE}), overwrites a state nothing reported. {@link RecentCommits} cannot compare it,
 * so the write's old state is reported as unknown too: a trigger on the entity then drops each group it may have
 * been in.
 *
 * <p>Kept by time: the completion of the last committed bulk write, and the bulk writes of transactions that have
 * not completed yet. A writer whose session's view (see {@link SessionActivity#since()}) started at or before the
 * last completion, or while another transaction's bulk write is in flight, may have loaded what the bulk
 * overwrote. Both times are the same JVM's wall clock; the completion time is taken after the database commit, so
 * the comparison errs toward reporting. Bulk writes on other nodes are not seen (use {@code @Version}, which a
 * bulk statement must then increment: {@code update versioned}).
 *
 * <p>Bounded: a write in flight is forgotten at its completion, or after 10 minutes ({@value #KEEP_NANOS} ns) should no
 * completion ever come. Thread-safe (one lock; touched only by bulk writes and by the writes after them).
 */
final class BulkWrites {

    static final long KEEP_NANOS = RecentCommits.KEEP_NANOS;

    private long lastCompleted = Long.MIN_VALUE;
    private final Map<Object, Long> inFlight = new IdentityHashMap<>(4);

    /** {@code writer}'s transaction wrote in bulk at {@code now}; it has not completed yet. */
    synchronized void writing(Object writer, long now) {
        inFlight.putIfAbsent(writer, now);
    }

    /** A bulk write committed (outside a transaction: at once) at {@code at}. */
    synchronized void committed(long at) {
        lastCompleted = Math.max(lastCompleted, at);
    }

    /** {@code writer}'s transaction completed at {@code at}; its bulk writes count as committed if it committed. */
    synchronized void completed(Object writer, boolean committed, long at) {
        if (inFlight.remove(writer) != null && committed) {
            lastCompleted = Math.max(lastCompleted, at);
        }
    }

    /**
     * Whether a write by {@code writer} (or {@code alsoWriter}: the same session seen through another listener;
     * either may be null) whose view started at {@code since} may overwrite a state a bulk write left.
     */
    synchronized boolean mayOverwrite(Object writer, Object alsoWriter, long since, long now) {
        if (lastCompleted >= since && now - lastCompleted <= KEEP_NANOS) {
            return true;
        }
        boolean found = false;
        for (var it = inFlight.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Object, Long> e = it.next();
            if (now - e.getValue() > KEEP_NANOS) {
                it.remove();
            } else if (e.getKey() != writer && e.getKey() != alsoWriter) {
                found = true;
            }
        }
        return found;
    }
}
