package io.triggercache.engine;

import io.triggercache.Change;
import io.triggercache.spi.TransactionChanges;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The groups a transaction will drop when it commits. Changes are matched as they arrive (at flush),
 * so that cached calls on the transaction's thread can bypass the methods it affects (read your own
 * writes) and never store what they computed. Drops reported by hand ({@code Invalidator}, application events)
 * inside the transaction join the same sets (I8).
 */
final class PendingTransaction implements TransactionChanges {

    private final WritePath writes;
    /** The change source's key; null for the one-shot set of a change outside any transaction. */
    final Object key;
    /** The container's JTA transaction current when this set was created, or null outside JTA. */
    final Object jtaKey;
    /** Per method, the groups to drop, each with the first cause that named it (null when the inspector is off). */
    private final Map<CachedMethod, Map<List<?>, Cause>> groups = new HashMap<>();
    /** The methods to drop whole, each with its first cause. */
    private final Map<CachedMethod, Cause> whole = new HashMap<>();
    private volatile boolean completed;

    PendingTransaction(WritePath writes, Object key, Object jtaKey) {
        this.writes = writes;
        this.key = key;
        this.jtaKey = jtaKey;
    }

    @Override
    public void add(Change change) {
        writes.match(change, this);
    }

    @Override
    public void addBulk(Class<?> type) {
        writes.matchBulk(type, this);
    }

    synchronized void group(CachedMethod m, List<?> group, Cause cause) {
        if (!completed && !whole.containsKey(m)) {
            groups.computeIfAbsent(m, k -> new LinkedHashMap<>()).putIfAbsent(group, cause);
        }
    }

    synchronized void whole(CachedMethod m, Cause cause) {
        if (!completed) {                           // once completed the sets are read by apply, never changed
            whole.putIfAbsent(m, cause);
            groups.remove(m);
        }
    }

    /** Whether the transaction affects {@code m}; stays true until its invalidations are applied. */
    synchronized boolean touches(CachedMethod m) {
        return whole.containsKey(m) || groups.containsKey(m);
    }

    boolean isCompleted() {
        return completed;
    }

    @Override
    public void completed(boolean committed) {
        synchronized (this) {
            if (completed) {
                return;
            }
            completed = true;
        }
        try {
            if (committed) {
                writes.apply(groups, whole);
            }
        } finally {
            writes.release(this);
        }
    }
}
