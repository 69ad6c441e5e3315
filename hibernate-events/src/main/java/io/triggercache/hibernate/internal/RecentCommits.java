package io.triggercache.hibernate.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recently committed states of one entity type without {@code @Version}, by identifier, so that a lost update
 * can be seen: a transaction that loaded an entity before another transaction committed a change to it, and then
 * writes it, writes its old state over the other's (Hibernate's full-row {@code UPDATE}). Its change computed
 * from its own loaded state would miss the groups of the state it overwrote; the listeners add a change from the
 * remembered states too (issue 11, point 3).
 *
 * <p>A state is remembered from the moment its transaction writes it (flush), not only once that transaction has
 * reported its commit: the overwriting {@code UPDATE} waits for the row lock of the first transaction and runs the
 * moment the database commit releases it, before the first transaction's completion callbacks have run (the race
 * PostgreSQL READ COMMITTED showed). A state written by a transaction still in flight is therefore reported as
 * overwritten too; should that transaction roll back, one group too many drops.
 *
 * <p>Bounded: at most {@value #MAX_ENTRIES} identifiers per entity type (the oldest forgotten first), each
 * committed state for at most 10 minutes ({@value #KEEP_NANOS} ns); a state in flight until its transaction completes (at most
 * {@value #MAX_ENTRIES} identifiers too). A transaction whose load predates a commit it overwrites by more than
 * that, or on another node, is not caught: use {@code @Version}. Thread-safe (one lock; touched only by writes of
 * watched, unversioned entities).
 */
final class RecentCommits {

    static final int MAX_ENTRIES = 1024;
    static final long KEEP_NANOS = 10 * 60 * 1_000_000_000L;   // ViewClock nanoseconds: 10 minutes

    private record Committed(long at, Object[] state) {
    }

    private record Written(Object writer, Object[] state) {
    }

    private final Map<Object, Committed> byId = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Committed> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** States written by transactions that have not completed yet, by identifier. */
    private final Map<Object, List<Written>> inFlight = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, List<Written>> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** {@code state} (a copy, see {@link EntityMetadata#committedCopy}) was committed at {@code at}. */
    synchronized void committed(Object id, Object[] state, long at) {
        byId.remove(id); // re-inserted last, so that eviction follows commit order
        byId.put(id, new Committed(at, state));
    }

    /** Forgets the committed states (a bulk write may have changed them; see {@link BulkWrites}), not those in flight. */
    synchronized void forgetCommitted() {
        byId.clear();
    }

    /** {@code writer}'s transaction wrote {@code state} (a copy) of {@code id}; it has not completed yet. */
    synchronized void writing(Object writer, Object id, Object[] state) {
        inFlight.computeIfAbsent(id, k -> new ArrayList<>(2)).add(new Written(writer, state));
    }

    /**
     * {@code writer}'s transaction, which wrote {@code id}, completed: its states in flight are forgotten, and
     * {@code state}, the last it wrote, is remembered as committed at {@code at} if it committed.
     */
    synchronized void completed(Object writer, Object id, Object[] state, boolean committed, long at) {
        List<Written> written = inFlight.get(id);
        if (written != null) {
            written.removeIf(w -> w.writer == writer);
            if (written.isEmpty()) {
                inFlight.remove(id);
            }
        }
        if (committed) {
            committed(id, state, at);
        }
    }

    /**
     * The states of {@code id} another write may overwrite: the last committed in the last 10
     * minutes, and those written by transactions other than {@code writer}'s that have not completed yet (possibly
     * empty; {@code writer} may be null).
     */
    synchronized List<Object[]> overwritable(Object id, Object writer, long now) {
        List<Object[]> states = null;
        Committed c = byId.get(id);
        if (c != null) {
            if (now - c.at > KEEP_NANOS) {
                byId.remove(id);
            } else {
                states = new ArrayList<>(2);
                states.add(c.state);
            }
        }
        List<Written> written = inFlight.get(id);
        if (written != null) {
            for (Written w : written) {
                if (w.writer != writer) {
                    if (states == null) {
                        states = new ArrayList<>(2);
                    }
                    states.add(w.state);
                }
            }
        }
        return states == null ? Collections.emptyList() : states;
    }
}
