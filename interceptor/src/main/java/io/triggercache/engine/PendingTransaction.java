package io.triggercache.engine;

import io.triggercache.Change;
import io.triggercache.spi.TransactionChanges;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The groups a transaction will drop when it commits. Changes are matched as they arrive (at flush),
 * so that cached calls on the transaction's thread can bypass the methods it affects (read your own
 * writes) and never store what they computed.
 */
final class PendingTransaction implements TransactionChanges {

    private final TriggerCacheEngine engine;
    final Object key;
    private final Map<CachedMethod, Set<List<?>>> groups = new HashMap<>();
    private final Set<CachedMethod> whole = new HashSet<>();
    private volatile boolean completed;

    PendingTransaction(TriggerCacheEngine engine, Object key) {
        this.engine = engine;
        this.key = key;
    }

    @Override
    public void add(Change change) {
        engine.match(change, this);
    }

    @Override
    public void addBulk(Class<?> type) {
        engine.matchBulk(type, this);
    }

    synchronized void group(CachedMethod m, List<?> group) {
        if (!completed && !whole.contains(m)) {
            groups.computeIfAbsent(m, k -> new LinkedHashSet<>()).add(group);
        }
    }

    synchronized void whole(CachedMethod m) {
        if (!completed) {                           // once completed the sets are read by apply, never changed
            whole.add(m);
            groups.remove(m);
        }
    }

    /** Whether the transaction affects {@code m}; stays true until its invalidations are applied. */
    synchronized boolean touches(CachedMethod m) {
        return whole.contains(m) || groups.containsKey(m);
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
                engine.apply(groups, whole);
            }
        } finally {
            engine.release(this);
        }
    }
}
