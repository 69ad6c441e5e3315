package io.triggercache.engine;

import io.triggercache.Change;
import io.triggercache.EntityEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The write path of one deployment: matches changes against the triggers (an index by entity type, built on
 * first use of each type), records the groups in the transaction's pending set, and drops them from the store
 * after the commit (or at once, outside a transaction). Writes reported by hand ({@code Invalidator}, application
 * events) inside a transaction join its pending set (I8).
 *
 * <p>A drop the store refuses is owed (I5): the method bypasses the cache until a drop of the whole method
 * succeeds, retried by at most one caller at a time (the others bypass without waiting), and by every later
 * drop of that method.
 *
 * <p>Thread-safe.
 */
final class WritePath {

    private static final System.Logger LOG = System.getLogger("io.triggercache");
    private static final long REPAIR_INTERVAL_MILLIS = 1_000;

    /** Copy-on-write: blocks defined at run time add triggers; the index is rebuilt then. */
    private volatile List<CompiledTrigger> triggers;
    private final Transactions transactions;
    private final LongSupplier clock;
    private final FaultLog faults;
    private final Unsafe unsafe;
    private final ConcurrentHashMap<Class<?>, Match[]> index = new ConcurrentHashMap<>();

    /** Whether applied drops are recorded for the inspector (the methods' rings are not empty). */
    private final boolean recordDrops;
    /** This node's name in recorded drops. */
    private final String node;

    WritePath(List<CompiledTrigger> triggers, Transactions transactions, LongSupplier clock, FaultLog faults, Unsafe unsafe,
              boolean recordDrops, String node) {
        this.recordDrops = recordDrops;
        this.node = node;
        this.triggers = List.copyOf(triggers);
        this.transactions = transactions;
        this.clock = clock;
        this.faults = faults;
        this.unsafe = unsafe;
    }

    int triggerCount() {
        return triggers.size();
    }

    /** The triggers of one method, in declaration order. */
    List<CompiledTrigger> triggersOf(CachedMethod m) {
        List<CompiledTrigger> out = new ArrayList<>();
        for (CompiledTrigger t : triggers) {
            if (t.target == m) {
                out.add(t);
            }
        }
        return out;
    }

    /** Adds the triggers of a block defined at run time. */
    synchronized void addTriggers(List<CompiledTrigger> more) {
        if (more.isEmpty()) {
            return;
        }
        List<CompiledTrigger> next = new ArrayList<>(triggers);
        next.addAll(more);
        triggers = List.copyOf(next);
        index.clear();
    }

    // ------------------------------------------------------------------ changes from change sources

    boolean watches(Class<?> type) {
        return matches(type).length > 0;
    }

    PendingTransaction transaction(Object key) {
        return transactions.transaction(key, this);
    }

    /** Applies a change made outside any transaction. */
    void changedNow(Change change) {
        PendingTransaction now = new PendingTransaction(this, null, null);
        match(change, now);
        now.completed(true);
    }

    /** Applies a bulk change made outside any transaction. */
    void bulkChangedNow(Class<?> type) {
        PendingTransaction now = new PendingTransaction(this, null, null);
        matchBulk(type, now);
        now.completed(true);
    }

    /** Records the groups {@code change} affects into {@code into}. */
    void match(Change change, PendingTransaction into) {
        if (unsafe.afterCommit && into.key != null) {    // the mutation: dropped at flush instead of after the commit
            PendingTransaction now = new PendingTransaction(this, null, null);
            match(change, now);
            now.completed(true);
            return;
        }
        boolean applicationEvent = change.event() == null;
        Cause first = null;   // the change's facts, read once and shared by the causes of every trigger it fires
        for (Match mt : matches(change.type())) {
            CompiledTrigger t = mt.trigger;
            if (t.applicationEvent != applicationEvent) {
                continue;
            }
            try {
                if (!t.fires(change)) {
                    continue;
                }
                Cause cause = null;
                if (explaining()) {
                    cause = first == null ? (first = Cause.of(change, t, null)) : first.withTrigger(t);
                }
                if (t.dropsWholeMethod()) {
                    into.whole(t.target, cause);
                    continue;
                }
                EntityEvent event = change.event();
                Change.State before = change.before();
                if (before == null && (event == EntityEvent.UPDATE || event == EntityEvent.DELETE)) {
                    unknown(t, change, "the change carries no old state", into, cause);
                    continue;
                }
                boolean known = true;
                if (before != null && !(unsafe.moves && event == EntityEvent.UPDATE)) {
                    known = t.addGroups(change, before, mt.sender, into, cause);
                }
                Change.State after = change.after();
                if (known && after != null) {
                    known = t.addGroups(change, after, mt.sender, into, cause);
                }
                if (!known) {
                    unknown(t, change, "a suffix path meets a value the source does not know", into, cause);
                }
            } catch (RuntimeException e) {
                // a group we cannot compute must not be missed: drop the whole method instead
                into.whole(t.target, explaining() ? Cause.of(change, t, "the trigger failed: " + e) : null);
                t.target.unknownDrops.increment();
                faults.warn("020 " + t, skipped -> "TRIGGERCACHE-020 " + t + " failed on a " + change.event() + " of "
                        + change.type().getName() + " (id " + change.id() + "); dropping every entry of " + t.target.name + " instead"
                        + (skipped > 0 ? " (" + skipped + " more such failures since the last report)" : "") + ": " + e, e);
            }
        }
    }

    private void unknown(CompiledTrigger t, Change change, String why, PendingTransaction into, Cause cause) {
        if (unsafe.unknown) {
            return;
        }
        into.whole(t.target, cause == null ? null : Cause.of(change, t, why));
        t.target.unknownDrops.increment();
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "TRIGGERCACHE-022 " + t + ": " + why + " (" + change.event() + " of "
                    + change.type().getName() + " id " + change.id() + "), so every group it could have been in is dropped: all of "
                    + t.target.name);
        }
    }

    void matchBulk(Class<?> type, PendingTransaction into) {
        for (CompiledTrigger t : triggers) {
            if (t.applicationEvent) {
                continue;
            }
            for (Class<?> s : t.senders) {
                if (s.isAssignableFrom(type) || type.isAssignableFrom(s)) {
                    into.whole(t.target, explaining() ? Cause.bulk(type, t) : null);
                }
            }
        }
    }

    private Match[] matches(Class<?> type) {
        Match[] ms = index.get(type);
        if (ms == null) {
            List<Match> list = new ArrayList<>();
            for (CompiledTrigger t : triggers) {
                for (int s = 0; s < t.senders.length; s++) {
                    if (t.senders[s].isAssignableFrom(type)) {
                        list.add(new Match(t, s));
                        break;
                    }
                }
            }
            ms = list.toArray(Match[]::new);
            index.putIfAbsent(type, ms);
        }
        return ms;
    }

    // ------------------------------------------------------------------ writes reported by hand (I8)

    /** An application event: pending in the calling thread's transaction if it is in one, else applied now. */
    void applicationEvent(Change change) {
        PendingTransaction tx = transactions.current(this);
        if (tx != null) {
            tx.add(change);
        } else {
            changedNow(change);
        }
    }

    /** Drops every entry of {@code m}: after the commit of the calling thread's transaction, or now. */
    void dropWhole(Collection<CachedMethod> ms, String call) {
        PendingTransaction tx = transactions.current(this);
        Cause cause = explaining() ? Cause.invalidator(call) : null;
        for (CachedMethod m : ms) {
            if (tx != null) {
                tx.whole(m, cause);
            } else {
                dropAll(m, cause);
            }
        }
    }

    /** Drops one group of {@code m}: after the commit of the calling thread's transaction, or now. */
    void dropGroup(CachedMethod m, List<?> group, String call) {
        PendingTransaction tx = transactions.current(this);
        Cause cause = explaining() ? Cause.invalidator(call) : null;
        if (tx != null) {
            tx.group(m, group, cause);
        } else {
            Map<List<?>, Cause> one = new HashMap<>(2);
            one.put(group, cause);
            apply(Map.of(m, one), Map.of());
        }
    }

    // ------------------------------------------------------------------ applying drops

    /** Drops the given groups and whole methods (after a commit, or at once), each with its cause (or null). */
    void apply(Map<CachedMethod, Map<List<?>, Cause>> groups, Map<CachedMethod, Cause> whole) {
        long at = recordDrops ? clock.getAsLong() : 0;    // one time for the whole commit's drops
        whole.forEach((m, cause) -> dropAll(m, cause, at));
        groups.forEach((m, gs) -> {
            if (whole.containsKey(m)) {
                return;
            }
            for (Map.Entry<List<?>, Cause> e : gs.entrySet()) {
                List<?> g = e.getKey();
                if (m.owesInvalidation && !repair(m, true)) {
                    break;                          // still owed: the whole-method drop covers this group too
                }
                if (!m.flights.isEmpty()) {          // loads in flight for this group must not be joined any more
                    m.flights.values().removeIf(f -> f.group.equals(g));
                }
                try {
                    m.region.invalidateGroup(g);
                    m.invalidations.increment();
                    dropped(m, g, e.getValue(), at);
                } catch (RuntimeException fault) {
                    owe(m, fault);
                }
            }
        });
    }

    void dropAll(CachedMethod m, Cause cause) {
        dropAll(m, cause, recordDrops ? clock.getAsLong() : 0);
    }

    private void dropAll(CachedMethod m, Cause cause, long at) {
        m.flights.clear();
        try {
            m.region.invalidateAll();
            m.invalidations.increment();
            dropped(m, null, cause, at);
        } catch (RuntimeException e) {
            owe(m, e);
        }
    }

    // ------------------------------------------------------------------ what the inspector and the log see

    /** The node this engine names in the drops it records. */
    String node() {
        return node;
    }

    /** Whether causes are kept: the inspector records drops, or the DEBUG log of each drop is on. */
    private boolean explaining() {
        return recordDrops || LOG.isLoggable(System.Logger.Level.DEBUG);
    }

    /** Records and logs an applied drop ({@code group} null: the whole method), applied at {@code at} (epoch ms). */
    private void dropped(CachedMethod m, List<?> group, Cause cause, long at) {
        if (cause == null) {
            return;
        }
        if (recordDrops) {
            m.drops.add(group, cause, at);        // described when the inspector reads it
        }
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "TRIGGERCACHE-040 dropped " + (group == null ? "every entry" : "group " + group)
                    + " of " + m.name + ": " + cause.describe(group) + (cause.trigger == null ? "" : " (trigger #" + cause.trigger.position + ")"));
        }
    }

    void release(PendingTransaction tx) {
        transactions.release(tx);
    }

    // ------------------------------------------------------------------ owed drops (I5)

    private void owe(CachedMethod m, RuntimeException e) {
        m.errors.increment();
        m.nextRepairAt = clock.getAsLong() + REPAIR_INTERVAL_MILLIS;
        m.owesInvalidation = true;
        m.flights.clear();
        LOG.log(System.Logger.Level.WARNING, "TRIGGERCACHE-011 could not drop entries of " + m.name
                + "; it bypasses the cache until the store accepts an invalidation of the whole method: " + e);
    }

    /**
     * Tries to apply an owed drop; returns whether the method may use the cache again. A call ({@code wait} false)
     * tries at most once per retry period and only if no other thread is trying, so that at most one caller waits
     * for a failing store; a new drop ({@code wait} true) tries now, waiting for a repair in progress, because other
     * nodes may be storing values meanwhile that only the owed drop would make stale.
     */
    boolean repair(CachedMethod m, boolean wait) {
        if (wait) {
            m.nextRepairAt = 0;
            m.repairLock.lock();
        } else if (clock.getAsLong() < m.nextRepairAt || !m.repairLock.tryLock()) {
            return false;
        }
        try {
            if (!m.owesInvalidation) {
                return true;
            }
            try {
                m.region.invalidateAll();
                m.owesInvalidation = false;
                m.invalidations.increment();
                LOG.log(System.Logger.Level.INFO, "TRIGGERCACHE-012 the store accepted the owed invalidation of " + m.name + "; caching again");
                return true;
            } catch (RuntimeException e) {
                m.errors.increment();
                m.nextRepairAt = clock.getAsLong() + REPAIR_INTERVAL_MILLIS;
                return false;
            }
        } finally {
            m.repairLock.unlock();
        }
    }

    private record Match(CompiledTrigger trigger, int sender) {
    }
}
