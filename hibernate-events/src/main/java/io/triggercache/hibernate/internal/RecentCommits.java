package io.triggercache.hibernate.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The recently committed states of one entity type without {@code @Version}, by identifier, so that a lost update
 * can be seen: a transaction that loaded an entity before another transaction committed a change to it, and then
 * writes it, writes its old state over the other's (Hibernate's full-row {@code UPDATE}). Its change computed
 * from its own loaded state would miss the groups of the state it overwrote; the listeners add a change from the
 * remembered state too (issue 11, point 3).
 *
 * <p>Bounded: at most {@value #MAX_ENTRIES} identifiers per entity type (the oldest forgotten first), each for at
 * most {@value #KEEP_MILLIS} ms. A transaction whose load predates a commit it overwrites by more than that, or
 * on another node, is not caught: use {@code @Version}. Thread-safe (one lock; touched only by writes of watched,
 * unversioned entities).
 */
final class RecentCommits {

    static final int MAX_ENTRIES = 1024;
    static final long KEEP_MILLIS = 10 * 60 * 1000L;

    private record Committed(long at, Object[] state) {
    }

    private final Map<Object, Committed> byId = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Committed> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** {@code state} (a copy, see {@link EntityMetadata#committedCopy}) was committed at {@code at}. */
    synchronized void committed(Object id, Object[] state, long at) {
        byId.remove(id); // re-inserted last, so that eviction follows commit order
        byId.put(id, new Committed(at, state));
    }

    /** The last state committed for {@code id} in the last {@value #KEEP_MILLIS} ms, or {@code null}. */
    synchronized Object[] lastCommitted(Object id, long now) {
        Committed c = byId.get(id);
        if (c == null) {
            return null;
        }
        if (now - c.at > KEEP_MILLIS) {
            byId.remove(id);
            return null;
        }
        return c.state;
    }
}
