package io.triggercache.engine;

import io.triggercache.Cached;
import io.triggercache.CacheInspector;
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
 * The container-free engine of one deployment: the facade over its read path ({@link ReadPath}: answering calls
 * from the store, single-flight loads, what may be stored), its write path ({@link WritePath}: matching changes,
 * pending drops per transaction, applying them after commit) and the transactions both consult
 * ({@link Transactions}).
 *
 * <p>It is the deployment's {@link ChangeSink} (change sources report to it), its {@link Invalidator} (drops
 * reported by hand: pending in the caller's transaction, applied after its commit, or at once outside one) and
 * its {@link CacheStatistics}.
 *
 * <p>Failures of the store never reach callers: a failed read runs the method; a failed invalidation
 * makes the method bypass the cache until an invalidation of the whole method succeeds.
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

    private final CacheStore store;
    private final boolean ownsStore;
    private final Transactions transactions;
    private final WritePath writes;
    private final ReadPath reads;

    private final Map<Method, CachedMethod> byMethod = new HashMap<>();
    /** Copy-on-write: replaced whole when a new {@code Method} instance is seen, read without locks. */
    private volatile IdentityHashMap<Method, CachedMethod> byIdentity = new IdentityHashMap<>();
    private static final int MAX_IDENTITIES = 4096;
    private static final CachedMethod NOT_CACHED = new CachedMethod("", "", null, new PropertyPath[0], new int[0],
            new PropertyPath[0], 0, 0, false, Cached.Near.DEFAULT, false);
    private final Map<String, CachedMethod> byName = new HashMap<>();
    private final Map<String, Defined> blocks = new ConcurrentHashMap<>();
    private final Instances instances;
    private final ToLongFunction<String> maxEntries;
    private final ConcurrentHashMap<Class<?>, ConcurrentHashMap<String, Accessors.Accessor>> eventAccessors = new ConcurrentHashMap<>();
    private final int dropsPerMethod;
    private final Inspector inspector;

    private TriggerCacheEngine(Builder b, Declarations d) {
        this.store = b.store;
        this.ownsStore = b.ownsStore;
        this.instances = b.instances;
        this.maxEntries = b.maxEntries;
        this.dropsPerMethod = b.dropsPerMethod;
        FaultLog faults = new FaultLog(b.faultLogPeriodNanos);
        Unsafe unsafe = Unsafe.fromSystemProperty();
        this.transactions = new Transactions(b.transactions);
        int dropsPerMethod = b.dropsPerMethod;
        this.writes = new WritePath(d.triggers, transactions, b.clock, faults, unsafe, dropsPerMethod > 0, b.node);
        this.reads = new ReadPath(transactions, writes, b.clock, b.random, faults, unsafe);
        for (CachedMethod m : d.methods) {
            m.region = store.region(spec(m, b.maxEntries.applyAsLong(m.cacheName)));
            m.drops = dropsPerMethod > 0 ? new DropLog(dropsPerMethod) : DropLog.OFF;
            byMethod.put(m.method, m);
            byName.put(m.name, m);
        }
        this.inspector = new Inspector(this::everything, this::named, writes, transactions, b.clock,
                store + (ownsStore ? " (opened by triggercache)" : " (the application's)"));
    }

    /** What the cache does and why: declarations, the last drops with their causes, {@code explain}, health. */
    public CacheInspector inspector() {
        return inspector;
    }

    /**
     * What the deployment summary ({@code TRIGGERCACHE-001}) says: the numbers of cached methods and triggers,
     * and the store the entries live in, with who provided it: the application's {@code CacheStore} bean, or
     * one this deployment opened (over the application's {@code CacheManager}, or the embedded default).
     */
    public String summary() {
        return byName.size() + " cached method(s), " + writes.triggerCount() + " trigger(s), store " + store
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
        return reads.call(m, args, loader, context);
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

    /**
     * Registers a cached computation defined in code (a rendered fragment), or returns the handle already
     * registered under its name. Its triggers are active from this call on; the entries of a computation defined
     * later on another node are dropped there only once that node defines it too.
     *
     * @throws InvalidDeclarationsException listing every problem of the definition
     * @throws IllegalArgumentException     if the name is taken by a cached method, or by a block defined differently
     */
    public synchronized CachedBlock define(BlockDefinition definition) {
        Defined known = blocks.get(definition.name());
        if (known != null) {
            if (!known.definition.equals(definition)) {
                throw new IllegalArgumentException("cached block \"" + definition.name() + "\" at " + definition.where()
                        + " is already defined differently at " + known.definition.where() + ". Give each a distinct name.");
            }
            return known.block;
        }
        if (byName.containsKey(definition.name())) {
            throw new IllegalArgumentException("cached block \"" + definition.name() + "\" at " + definition.where()
                    + ": the name is used by the cached method " + byName.get(definition.name()).method + ". Give the block another name.");
        }
        Declarations d = Declarations.compileBlock(definition, instances);
        CachedMethod m = d.methods.get(0);
        m.region = store.region(spec(m, maxEntries.applyAsLong(m.cacheName)));
        m.drops = dropsPerMethod > 0 ? new DropLog(dropsPerMethod) : DropLog.OFF;
        writes.addTriggers(d.triggers);
        CachedBlock block = new CachedBlock(m, reads, definition.groupParts());
        blocks.put(definition.name(), new Defined(definition, block, m));
        return block;
    }

    private record Defined(BlockDefinition definition, CachedBlock block, CachedMethod method) {
    }

    // ------------------------------------------------------------------ change sink (write path)

    @Override
    public boolean watches(Class<?> type) {
        return writes.watches(type);
    }

    @Override
    public TransactionChanges transaction(Object transactionKey) {
        return writes.transaction(transactionKey);
    }

    @Override
    public void addReadBarrier(ReadBarrier barrier) {
        transactions.addReadBarrier(barrier);
    }

    @Override
    public void removeReadBarrier(ReadBarrier barrier) {
        transactions.removeReadBarrier(barrier);
    }

    @Override
    public void changedNow(Change change) {
        writes.changedNow(change);
    }

    @Override
    public void bulkChangedNow(Class<?> type) {
        writes.bulkChangedNow(type);
    }

    /**
     * Handles an application event fired through CDI: pending in the calling thread's transaction if it is in one
     * (one a change source knows, or the container's JTA transaction), otherwise applied now.
     */
    public void applicationEvent(Object event) {
        if (watches(event.getClass())) {
            writes.applicationEvent(new EventChange(event, eventAccessors));
        }
    }

    // ------------------------------------------------------------------ Invalidator, statistics

    /** {@inheritDoc} Inside a transaction the drop is pending: applied after its commit, not at all on rollback. */
    @Override
    public void invalidate(String name) {
        writes.dropWhole(List.of(named(name)), "Invalidator.invalidate(\"" + name + "\")");
    }

    /** {@inheritDoc} Inside a transaction the drop is pending: applied after its commit, not at all on rollback. */
    @Override
    public void invalidateGroup(String name, Object... suffix) {
        CachedMethod m = named(name);
        if (suffix.length != m.suffixParts.length) {
            throw new IllegalArgumentException(name + " has " + m.suffixParts.length + " suffix part(s) but " + suffix.length
                    + " value(s) were given");
        }
        writes.dropGroup(m, m.hasSuffix() ? Groups.of(suffix) : Groups.NO_SUFFIX,
                "Invalidator.invalidateGroup(\"" + name + "\", " + java.util.Arrays.toString(suffix) + ")");
    }

    /** {@inheritDoc} Inside a transaction the drop is pending: applied after its commit, not at all on rollback. */
    @Override
    public void invalidateAll() {
        writes.dropWhole(everything(), "Invalidator.invalidateAll()");
    }

    /** The cached methods and the blocks defined so far. */
    private List<CachedMethod> everything() {
        List<CachedMethod> all = new ArrayList<>(byName.values());
        for (Defined d : blocks.values()) {
            all.add(d.method);
        }
        return all;
    }

    @Override
    public MethodStatistics of(String name) {
        return named(name).statistics();
    }

    @Override
    public Collection<MethodStatistics> all() {
        List<MethodStatistics> out = new ArrayList<>();
        for (CachedMethod m : everything()) {
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
        return writes.triggerCount();
    }

    private CachedMethod named(String name) {
        CachedMethod m = byName.get(name);
        if (m == null) {
            Defined block = blocks.get(name);
            m = block == null ? null : block.method;
        }
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
        private int dropsPerMethod = Integer.getInteger("triggercache.inspector.drops", CacheInspector.DEFAULT_DROPS_PER_METHOD);
        private String node = defaultNode();

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
         * How many applied drops each method remembers for the {@link CacheInspector}; 0 turns recording off.
         * Default: the system property {@code triggercache.inspector.drops}, else
         * {@value CacheInspector#DEFAULT_DROPS_PER_METHOD}.
         */
        public Builder dropsPerMethod(int drops) {
            if (drops < 0) {
                throw new IllegalArgumentException("drops per method must be 0 or more, not " + drops);
            }
            this.dropsPerMethod = drops;
            return this;
        }

        /** This node's name in recorded drops. Default: the system property {@code triggercache.node}, else host:pid. */
        public Builder node(String node) {
            this.node = Objects.requireNonNull(node, "node");
            return this;
        }

        private static String defaultNode() {
            String n = System.getProperty("triggercache.node");
            if (n != null && !n.isBlank()) {
                return n;
            }
            String host = System.getenv("HOSTNAME");
            return (host == null || host.isBlank() ? "localhost" : host) + ":" + ProcessHandle.current().pid();
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

    /** The region spec of {@code m}: the store may ask a key's group ({@link RegionSpec#groupOf}). */
    private static RegionSpec spec(CachedMethod m, long maxEntries) {
        return new RegionSpec(m.name, m.cacheName, maxEntries, m.near,
                key -> key instanceof CacheKey k ? m.group(k) : null);
    }
}
