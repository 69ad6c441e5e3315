package io.triggercache.engine;

import io.triggercache.Cached;
import io.triggercache.CacheStatistics;
import io.triggercache.Change;
import io.triggercache.Invalidator;
import io.triggercache.MethodStatistics;
import io.triggercache.spi.CacheStore;
import io.triggercache.spi.ChangeSink;
import io.triggercache.spi.LoadTicket;
import io.triggercache.spi.ReadBarrier;
import io.triggercache.spi.RegionSpec;
import io.triggercache.spi.StoredValue;
import io.triggercache.spi.TransactionChanges;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * The container-free engine of one deployment: it answers calls to cached methods from the store,
 * matches changes against the triggers, keeps the changes pending per transaction and applies them
 * after commit.
 *
 * <p>Read path ({@link #call}): metadata by method (one map lookup), key from compiled getters, one
 * region read; on a miss one loader per key (single-flight), storing the result stamped with the group
 * state captured before the load. Write path: {@link #transaction(Object)} collects matched groups per
 * transaction; {@link TransactionChanges#completed(boolean)} drops them after commit.
 *
 * <p>Failures of the store never reach callers: a failed read runs the method; a failed invalidation
 * makes the method bypass the cache until an invalidation of the whole method succeeds (retried at most
 * once per second, on calls).
 *
 * <p>Thread-safe. Built once per deployment by {@link #builder()}.
 */
public final class TriggerCacheEngine implements ChangeSink, Invalidator, CacheStatistics, AutoCloseable {

    /** Runs the real method. A static instance per call site avoids a capturing lambda per call. */
    @FunctionalInterface
    public interface Loader<C> {
        Object load(C context) throws Exception;
    }

    private static final System.Logger LOG = System.getLogger("io.triggercache");
    private static final long REPAIR_INTERVAL_MILLIS = 1_000;

    private final CacheStore store;
    private final boolean ownsStore;
    private final LongSupplier clock;
    private final DoubleSupplier random;
    private final TransactionBridge transactions;
    private final FaultLog faults;

    private final Map<Method, CachedMethod> byMethod = new HashMap<>();
    /** Copy-on-write: replaced whole when a new {@code Method} instance is seen, read without locks. */
    private volatile IdentityHashMap<Method, CachedMethod> byIdentity = new IdentityHashMap<>();
    private static final int MAX_IDENTITIES = 4096;
    private static final CachedMethod NOT_CACHED = new CachedMethod("", "", null, new PropertyPath[0], new int[0],
            new PropertyPath[0], 0, 0, false, Cached.Near.DEFAULT);
    private final Map<String, CachedMethod> byName = new HashMap<>();
    private final List<CompiledTrigger> triggers;
    private final ConcurrentHashMap<Class<?>, Match[]> index = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Class<?>, ConcurrentHashMap<String, Accessors.Accessor>> eventAccessors = new ConcurrentHashMap<>();

    private final ConcurrentHashMap<Object, PendingTransaction> open = new ConcurrentHashMap<>();
    private final AtomicInteger openCount = new AtomicInteger();
    private final ThreadLocal<ArrayList<PendingTransaction>> bound = new ThreadLocal<>();
    private volatile ReadBarrier[] barriers = new ReadBarrier[0];

    private TriggerCacheEngine(Builder b, Declarations d) {
        this.store = b.store;
        this.ownsStore = b.ownsStore;
        this.clock = b.clock;
        this.random = b.random;
        this.transactions = b.transactions;
        this.faults = new FaultLog(b.faultLogPeriodNanos);
        this.triggers = List.copyOf(d.triggers);
        for (CachedMethod m : d.methods) {
            m.region = store.region(new RegionSpec(m.name, m.cacheName, b.maxEntries.applyAsLong(m.cacheName), m.near));
            byMethod.put(m.method, m);
            byName.put(m.name, m);
        }
    }

    /**
     * What the deployment summary ({@code TRIGGERCACHE-001}) says: the numbers of cached methods and triggers,
     * and the store the entries live in, with who provided it: the application's {@code CacheStore} bean, or
     * one this deployment opened (over the application's {@code CacheManager}, or the embedded default).
     */
    public String summary() {
        return byName.size() + " cached method(s), " + triggers.size() + " trigger(s), store " + store
                + (ownsStore ? " (opened by triggercache)" : " (the application's)");
    }

    /** A builder of an engine. */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ read path

    /**
     * Answers a call to {@code method}: from the cache when it is a cached method and a current entry
     * exists, otherwise by running {@code loader}. Exceptions of the loader propagate unchanged.
     */
    public <C> Object call(Method method, Object[] args, Loader<C> loader, C context) throws Exception {
        CachedMethod m = lookup(method);
        if (m == null) {
            return loader.load(context);
        }
        for (ReadBarrier b : barriers) {
            b.beforeRead();                     // surfaces the caller's unflushed changes, as a query's auto-flush would
        }
        if ((m.owesInvalidation && !repair(m)) || (openCount.get() != 0 && ownChangesTouch(m))) {
            m.bypasses.increment();
            return loader.load(context);
        }
        CacheKey key = m.key(args);
        boolean missCounted = false;
        for (;;) {
            StoredValue sv;
            try {
                sv = m.region.get(key);
            } catch (RuntimeException e) {
                fault(m, "read", e);
                m.bypasses.increment();
                return loader.load(context);
            }
            if (sv != null) {
                long expiresAt = sv.expiresAt();
                if (expiresAt == Long.MAX_VALUE || expiresAt > clock.getAsLong()) {
                    m.hits.increment();
                    Object v = sv.value();
                    return v == NullValue.INSTANCE ? null : v;
                }
                try {
                    m.region.remove(key);
                } catch (RuntimeException e) {
                    fault(m, "remove", e);
                }
            }
            if (!missCounted) {
                if (!m.region.available()) {    // asked on a miss only: a region that is not available hits nothing
                    m.bypasses.increment();
                    return loader.load(context);
                }
                m.misses.increment();
                missCounted = true;
            }
            Object v = loadOnce(m, key, loader, context);
            if (v != Flight.RETRY) {
                return v;
            }
        }
    }

    /**
     * The metadata of a method: by identity first (the container passes the same {@code Method} object on
     * every call, and an identity lookup skips {@code Method.equals}), else by equality, remembering the
     * instance. Methods that are not cached are remembered too.
     */
    private CachedMethod lookup(Method method) {
        CachedMethod m = byIdentity.get(method);
        if (m != null) {
            return m == NOT_CACHED ? null : m;
        }
        m = byMethod.get(method);
        if (byIdentity.size() < MAX_IDENTITIES) {
            synchronized (this) {
                IdentityHashMap<Method, CachedMethod> next = new IdentityHashMap<>(byIdentity);
                next.put(method, m == null ? NOT_CACHED : m);
                byIdentity = next;
            }
        }
        return m;
    }

    private <C> Object loadOnce(CachedMethod m, CacheKey key, Loader<C> loader, C context) throws Exception {
        Flight mine = new Flight(m.group(key));
        Flight running = m.flights.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                m.bypasses.increment();
                return loader.load(context);
            }
        }
        LoadTicket ticket = null;
        try {
            ticket = m.region.beginLoad(mine.group);
        } catch (RuntimeException e) {
            fault(m, "read", e);
        }
        long start = System.nanoTime();
        Object value;
        try {
            value = loader.load(context);
        } catch (Exception | Error e) {
            m.loadFailures.increment();
            m.loadTimeNanos.add(System.nanoTime() - start);
            abandon(m, key);
            m.flights.remove(key, mine);
            mine.fail(e);
            throw e;
        }
        m.loads.increment();
        m.loadTimeNanos.add(System.nanoTime() - start);
        // the loader's own transaction may have flushed matching changes meanwhile (auto-flush)
        boolean dirty = openCount.get() != 0 && ownChangesTouch(m);
        boolean stored = false;
        if (ticket != null && !dirty && !m.owesInvalidation && (value != null || m.cacheNulls)) {
            try {
                m.region.put(key, ticket, value == null ? NullValue.INSTANCE : value, expiresAt(m));
                stored = true;
            } catch (RuntimeException e) {
                fault(m, "write", e);
            }
        }
        if (!stored) {
            abandon(m, key);
        }
        m.flights.remove(key, mine);
        mine.complete(dirty ? Flight.RETRY : value);
        return value;
    }

    /** Tells the store that nothing will be stored for {@code key}, so that a lease it holds is released. */
    private void abandon(CachedMethod m, CacheKey key) {
        try {
            m.region.abandon(key);
        } catch (RuntimeException e) {
            fault(m, "write", e);
        }
    }

    private long expiresAt(CachedMethod m) {
        if (m.ttlMillis == 0) {
            return Long.MAX_VALUE;
        }
        double factor = 1 + m.jitter * (2 * random.getAsDouble() - 1);
        return clock.getAsLong() + Math.max(1, (long) (m.ttlMillis * factor));
    }

    private boolean ownChangesTouch(CachedMethod m) {
        ArrayList<PendingTransaction> txs = bound.get();
        if (txs == null) {
            return false;
        }
        for (int i = txs.size() - 1; i >= 0; i--) {
            PendingTransaction tx = txs.get(i);
            if (tx.isCompleted()) {
                txs.remove(i);
            } else if (tx.touches(m)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ write path

    @Override
    public boolean watches(Class<?> type) {
        return matches(type).length > 0;
    }

    @Override
    public TransactionChanges transaction(Object transactionKey) {
        Objects.requireNonNull(transactionKey, "transactionKey");
        PendingTransaction tx = open.get(transactionKey);
        if (tx == null) {
            PendingTransaction created = new PendingTransaction(this, transactionKey);
            tx = open.putIfAbsent(transactionKey, created);
            if (tx == null) {
                tx = created;
                openCount.incrementAndGet();
            }
        }
        ArrayList<PendingTransaction> txs = bound.get();
        if (txs == null) {
            txs = new ArrayList<>(2);
            bound.set(txs);
        }
        if (!txs.contains(tx)) {
            txs.add(tx);
        }
        return tx;
    }

    @Override
    public synchronized void addReadBarrier(ReadBarrier barrier) {
        for (ReadBarrier b : barriers) {
            if (b == barrier) {
                return;
            }
        }
        ReadBarrier[] next = java.util.Arrays.copyOf(barriers, barriers.length + 1);
        next[barriers.length] = barrier;
        barriers = next;
    }

    @Override
    public synchronized void removeReadBarrier(ReadBarrier barrier) {
        barriers = java.util.Arrays.stream(barriers).filter(b -> b != barrier).toArray(ReadBarrier[]::new);
    }

    @Override
    public void changedNow(Change change) {
        PendingTransaction now = new PendingTransaction(this, null);
        match(change, now);
        now.completed(true);
    }

    @Override
    public void bulkChangedNow(Class<?> type) {
        PendingTransaction now = new PendingTransaction(this, null);
        matchBulk(type, now);
        now.completed(true);
    }

    /**
     * Handles an application event fired through CDI: pending in the current transaction if there is one
     * (a change source's on this thread, or the container's JTA transaction), otherwise applied now.
     */
    public void applicationEvent(Object event) {
        if (!watches(event.getClass())) {
            return;
        }
        Change change = new EventChange(event, eventAccessors);
        ArrayList<PendingTransaction> txs = bound.get();
        if (txs != null) {
            for (int i = txs.size() - 1; i >= 0; i--) {
                if (!txs.get(i).isCompleted()) {
                    txs.get(i).add(change);
                    return;
                }
            }
        }
        Object jta = transactions.currentTransaction();
        if (jta != null) {
            boolean fresh = !open.containsKey(jta);
            TransactionChanges tx = transaction(jta);
            tx.add(change);
            if (fresh) {
                try {
                    transactions.afterCompletion(tx::completed);
                } catch (RuntimeException e) {
                    // no callback: drop now rather than never (too much, never too little)
                    tx.completed(true);
                }
            }
            return;
        }
        changedNow(change);
    }

    void match(Change change, PendingTransaction into) {
        boolean applicationEvent = change.event() == null;
        for (Match mt : matches(change.type())) {
            CompiledTrigger t = mt.trigger;
            if (t.applicationEvent != applicationEvent) {
                continue;
            }
            try {
                if (!t.fires(change)) {
                    continue;
                }
                if (t.dropsWholeMethod()) {
                    into.whole(t.target);
                    continue;
                }
                addGroup(t, change, change.before(), mt.sender, into);
                addGroup(t, change, change.after(), mt.sender, into);
            } catch (RuntimeException e) {
                // a group we cannot compute must not be missed: drop the whole method instead
                into.whole(t.target);
                LOG.log(System.Logger.Level.WARNING, "TRIGGERCACHE-020 " + t + " failed on a " + change.event() + " of "
                        + change.type().getName() + " (id " + change.id() + "); dropping every entry of " + t.target.name + " instead: " + e, e);
            }
        }
    }

    private static void addGroup(CompiledTrigger t, Change change, Change.State state, int sender, PendingTransaction into) {
        if (state != null) {
            t.addGroups(change, state, sender, into);
        }
    }

    void matchBulk(Class<?> type, PendingTransaction into) {
        for (CompiledTrigger t : triggers) {
            if (t.applicationEvent) {
                continue;
            }
            for (Class<?> s : t.senders) {
                if (s.isAssignableFrom(type) || type.isAssignableFrom(s)) {
                    into.whole(t.target);
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

    /** Drops the given groups and whole methods (after a commit, or at once). */
    void apply(Map<CachedMethod, Set<List<?>>> groups, Set<CachedMethod> whole) {
        for (CachedMethod m : whole) {
            dropAll(m);
        }
        groups.forEach((m, gs) -> {
            if (whole.contains(m)) {
                return;
            }
            for (List<?> g : gs) {
                if (m.owesInvalidation && !repairNow(m)) {
                    break;                          // still owed: the whole-method drop covers this group too
                }
                if (!m.flights.isEmpty()) {          // loads in flight for this group must not be joined any more
                    m.flights.values().removeIf(f -> f.group.equals(g));
                }
                try {
                    m.region.invalidateGroup(g);
                    m.invalidations.increment();
                } catch (RuntimeException e) {
                    owe(m, e);
                }
            }
        });
    }

    private void dropAll(CachedMethod m) {
        m.flights.clear();
        try {
            m.region.invalidateAll();
            m.invalidations.increment();
        } catch (RuntimeException e) {
            owe(m, e);
        }
    }

    void release(PendingTransaction tx) {
        if (tx.key != null && open.remove(tx.key, tx)) {
            openCount.decrementAndGet();
        }
        ArrayList<PendingTransaction> txs = bound.get();
        if (txs != null) {
            txs.remove(tx);
        }
    }

    // ------------------------------------------------------------------ faults (I5)

    private void owe(CachedMethod m, RuntimeException e) {
        m.errors.increment();
        m.nextRepairAt = clock.getAsLong() + REPAIR_INTERVAL_MILLIS;
        m.owesInvalidation = true;
        m.flights.clear();
        LOG.log(System.Logger.Level.WARNING, "TRIGGERCACHE-011 could not drop entries of " + m.name
                + "; it bypasses the cache until the store accepts an invalidation of the whole method: " + e);
    }

    /**
     * Tries an owed invalidation now, whatever the retry period: a new invalidation has to reach the store, and
     * other nodes may be storing values meanwhile that only the owed drop would make stale.
     */
    private boolean repairNow(CachedMethod m) {
        m.nextRepairAt = 0;
        return repair(m);
    }

    /** Tries to apply an owed invalidation; returns whether the method may use the cache again. */
    private boolean repair(CachedMethod m) {
        if (clock.getAsLong() < m.nextRepairAt) {
            return false;
        }
        synchronized (m) {
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
        }
    }

    private void fault(CachedMethod m, String operation, RuntimeException e) {
        m.errors.increment();
        faults.report(m.name, operation, e);
    }

    // ------------------------------------------------------------------ Invalidator, statistics

    @Override
    public void invalidate(String name) {
        dropAll(method(name));
    }

    @Override
    public void invalidateGroup(String name, Object... suffix) {
        CachedMethod m = method(name);
        if (suffix.length != m.suffixParts.length) {
            throw new IllegalArgumentException(name + " has " + m.suffixParts.length + " suffix part(s) but " + suffix.length
                    + " value(s) were given");
        }
        List<?> g = m.hasSuffix() ? Groups.of(suffix) : Groups.NO_SUFFIX;
        apply(Map.of(m, Set.of(g)), Set.of());
    }

    @Override
    public void invalidateAll() {
        for (CachedMethod m : byName.values()) {
            dropAll(m);
        }
    }

    @Override
    public MethodStatistics of(String name) {
        return method(name).statistics();
    }

    @Override
    public Collection<MethodStatistics> all() {
        List<MethodStatistics> out = new ArrayList<>();
        for (CachedMethod m : byName.values()) {
            out.add(m.statistics());
        }
        out.sort(Comparator.comparing(MethodStatistics::name));
        return out;
    }

    /** The names of the cached methods of this deployment, sorted. */
    public List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }

    /** The number of compiled triggers. */
    public int triggerCount() {
        return triggers.size();
    }

    private CachedMethod method(String name) {
        CachedMethod m = byName.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no cached method is named \"" + name + "\" (known: " + String.join(", ", names()) + ")");
        }
        return m;
    }

    @Override
    public void close() {
        if (ownsStore) {
            store.close();
        }
    }

    private record Match(CompiledTrigger trigger, int sender) {
    }

    /** Builds a {@link TriggerCacheEngine}. Not thread-safe. */
    public static final class Builder {
        private CacheStore store;
        private boolean ownsStore;
        private LongSupplier clock = System::currentTimeMillis;
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private TransactionBridge transactions = TransactionBridge.NONE;
        private Instances instances = Instances.constructors();
        private ToLongFunction<String> maxEntries = cache -> 10_000;
        private long faultLogPeriodNanos = TimeUnit.MINUTES.toNanos(1);

        private Builder() {
        }

        /**
         * The store of the entries.
         *
         * @param owned whether the engine closes it on {@link #close()}
         */
        public Builder store(CacheStore store, boolean owned) {
            this.store = store;
            this.ownsStore = owned;
            return this;
        }

        /** The clock for TTLs, in milliseconds. Default: the system clock. */
        public Builder clock(LongSupplier millis) {
            this.clock = millis;
            return this;
        }

        /** The source of the TTL jitter, uniform in [0, 1). */
        public Builder random(DoubleSupplier random) {
            this.random = random;
            return this;
        }

        /** The container's transactions, for application events. */
        public Builder transactions(TransactionBridge transactions) {
            this.transactions = transactions;
            return this;
        }

        /** Where suffix functions and checkers come from. Default: public no-argument constructors. */
        public Builder instances(Instances instances) {
            this.instances = instances;
            return this;
        }

        /** The size bound of each cache the store creates, by cache name. Default: 10,000 entries. */
        public Builder maxEntries(ToLongFunction<String> maxEntries) {
            this.maxEntries = maxEntries;
            return this;
        }

        /** How often at most a store fault is logged per method and operation. Default: one minute. */
        public Builder faultLogPeriod(long amount, TimeUnit unit) {
            this.faultLogPeriodNanos = unit.toNanos(amount);
            return this;
        }

        /**
         * Compiles the declarations and opens a region per method.
         *
         * @throws InvalidDeclarationsException listing every invalid declaration
         */
        public TriggerCacheEngine build(List<MethodDefinition> definitions) {
            Objects.requireNonNull(store, "store");
            Declarations d = Declarations.compile(definitions, instances);
            TriggerCacheEngine engine = new TriggerCacheEngine(this, d);
            LOG.log(System.Logger.Level.INFO, "TRIGGERCACHE-001 " + engine.summary());
            return engine;
        }
    }
}
