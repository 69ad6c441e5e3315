package io.triggercache.engine;

import io.triggercache.spi.LoadTicket;
import io.triggercache.spi.StoredValue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * The read path of one deployment: a call to a cached method is answered from the store when a current entry
 * exists, otherwise by one load per key (single-flight), whose result is stored only if it is safe to serve to
 * others:
 * <ul>
 *   <li>the group state is captured before the load ({@code beginLoad}), so a drop during the load makes the
 *       result not current (I3);</li>
 *   <li>the caller's transaction has no pending change affecting the method (I2);</li>
 *   <li>everything the load read is newer than the group's last drop: the change sources say from when the
 *       calling thread's snapshot dates ({@code ReadBarrier.readsSince}), the store when the group was last
 *       dropped ({@code LoadTicket.invalidatedAt}); a load through an older snapshot is returned to its caller
 *       and not stored (I1);</li>
 *   <li>every cached call it made was answered from a stored value, which becomes a dependency of the entry
 *       (I9).</li>
 * </ul>
 * A method returning a {@code CompletionStage} caches the completed value, never a failure, and shares the
 * load in flight with concurrent callers.
 *
 * <p>Store faults never reach the caller (I5): the method runs, the fault is counted and logged at most once per
 * period. Loader exceptions propagate unchanged and are not cached. Whatever is thrown (an {@code Error}
 * included), no load is left in flight for later callers to wait on.
 *
 * <p>Thread-safe.
 */
final class ReadPath {

    private static final System.Logger LOG = System.getLogger("io.triggercache");

    private final Transactions transactions;
    private final WritePath writes;
    private final LongSupplier clock;
    private final DoubleSupplier random;
    private final FaultLog faults;
    private final Unsafe unsafe;
    private final ThreadLocal<LoadFrame> frames = new ThreadLocal<>();
    /** Loads running on any thread: while zero, a hit skips looking for an enclosing load. */
    private final AtomicInteger loading = new AtomicInteger();

    ReadPath(Transactions transactions, WritePath writes, LongSupplier clock, DoubleSupplier random, FaultLog faults, Unsafe unsafe) {
        this.transactions = transactions;
        this.writes = writes;
        this.clock = clock;
        this.random = random;
        this.faults = faults;
        this.unsafe = unsafe;
    }

    <C> Object call(CachedMethod m, Object[] args, TriggerCacheEngine.Loader<C> loader, C context) throws Exception {
        transactions.beforeRead();                  // surfaces the caller's unflushed changes, as a query's auto-flush would
        if (m.owesInvalidation && !writes.repair(m, false)) {
            return bypass(m, loader, context, BYPASS_OWED);
        }
        if (transactions.touches(m)) {
            return bypass(m, loader, context, BYPASS_DIRTY);
        }
        CacheKey key;
        try {
            key = m.key(args);
        } catch (CachedMethod.KeyFault e) {
            m.errors.increment();
            faults.warn("021 " + m.name, skipped -> "TRIGGERCACHE-021 could not build the key of " + m.name + ": " + e.getMessage()
                    + "; the call ran uncached" + (skipped > 0 ? " (" + skipped + " more since the last report)" : "")
                    + ". If the path reaches through a lazy association of a detached entity, key on a value the caller has (an id), or load it first.", e);
            return bypass(m, loader, context, BYPASS_KEY);
        }
        boolean missCounted = false;
        for (;;) {
            StoredValue sv;
            try {
                sv = m.region.get(key);
            } catch (RuntimeException e) {
                fault(m, "read", e);
                return bypass(m, loader, context, BYPASS_FAULT);
            }
            if (sv != null) {
                long expiresAt = sv.expiresAt();
                if (expiresAt == Long.MAX_VALUE || expiresAt > clock.getAsLong()) {
                    m.hits.increment();
                    if (loading.get() != 0) {
                        LoadFrame outer = frames.get();
                        if (outer != null) {
                            outer.dependOn(sv);
                        }
                    }
                    Object v = sv.value();
                    v = v == NullValue.INSTANCE ? null : v;
                    return m.async ? CompletableFuture.completedFuture(v) : v;
                }
                try {
                    m.region.remove(key);
                } catch (RuntimeException e) {
                    fault(m, "remove", e);
                }
            }
            if (!missCounted) {
                if (!m.region.available()) {    // asked on a miss only: a region that is not available hits nothing
                    return bypass(m, loader, context, BYPASS_UNAVAILABLE);
                }
                m.misses.increment();
                missCounted = true;
            }
            Object v = m.async ? loadAsync(m, key, loader, context) : load(m, key, loader, context);
            if (v != Flight.RETRY) {
                return v;
            }
        }
    }

    static final String BYPASS_OWED = "an invalidation is owed: the store refused a drop, retried at most once a second";
    static final String BYPASS_DIRTY = "the calling transaction has pending changes that affect the method (read your own writes)";
    static final String BYPASS_KEY = "a key path failed on the arguments (TRIGGERCACHE-021)";
    static final String BYPASS_FAULT = "the store failed the read (TRIGGERCACHE-010)";
    static final String BYPASS_UNAVAILABLE = "the store cannot vouch for its entries now (a peer's drop may be owed, or the store is unreachable)";
    static final String BYPASS_INTERRUPTED = "the caller was interrupted waiting for another caller's load";

    /** Runs the method without the cache; an enclosing load must then not store its result either. */
    private <C> Object bypass(CachedMethod m, TriggerCacheEngine.Loader<C> loader, C context, String reason) throws Exception {
        m.bypasses.increment();
        if (LOG.isLoggable(System.Logger.Level.TRACE)) {
            LOG.log(System.Logger.Level.TRACE, "TRIGGERCACHE-041 " + m.name + " bypassed the cache: " + reason);
        }
        spoilOuter();
        return loader.load(context);
    }

    private void spoilOuter() {
        if (loading.get() != 0) {
            LoadFrame outer = frames.get();
            if (outer != null) {
                outer.spoil();
            }
        }
    }

    // ------------------------------------------------------------------ synchronous loads

    private <C> Object load(CachedMethod m, CacheKey key, TriggerCacheEngine.Loader<C> loader, C context) throws Exception {
        Flight mine = new Flight(m.group(key));
        Flight running = m.flights.putIfAbsent(key, mine);
        if (running != null) {
            return join(m, running, loader, context);
        }
        LoadFrame outer = frames.get();
        boolean settled = false;
        try {
            LoadTicket ticket = unsafe.tokens ? null : beginLoad(m, mine);
            LoadFrame frame = enter(ticket, outer);
            long start = System.nanoTime();
            Object value;
            try {
                value = loader.load(context);
            } catch (Exception | Error e) {
                exit(frame, outer);
                m.loadFailures.increment();
                m.loadTimeNanos.add(System.nanoTime() - start);
                abandon(m, key);
                m.flights.remove(key, mine);
                mine.fail(e);
                settled = true;
                if (outer != null) {
                    outer.spoil();
                }
                throw e;
            }
            exit(frame, outer);
            m.loads.increment();
            m.loadTimeNanos.add(System.nanoTime() - start);
            if (unsafe.tokens) {
                ticket = beginLoad(m, mine);
                frame = new LoadFrame(ticket, null);
            }
            // the loader's own transaction may have flushed matching changes meanwhile (auto-flush); or it read through
            // a snapshot older than the group's last drop: either way its value is its own, never shared with waiters
            boolean dirty = transactions.touches(m) || (frame.ticket != null && !fresh(m, frame.ticket, transactions.readsSince()));
            LoadTicket stored = !dirty && storable(m, frame, value) && put(m, key, ticket, value) ? ticket : null;
            if (stored == null) {
                abandon(m, key);
            }
            if (outer != null) {
                outer.dependOn(stored);
            }
            m.flights.remove(key, mine);
            mine.complete(dirty ? Flight.RETRY : value, stored);
            settled = true;
            return value;
        } finally {
            if (!settled) {                         // an Error where none was expected: nobody may wait on this load
                m.flights.remove(key, mine);
                mine.complete(Flight.RETRY, null);
                if (outer != null) {
                    outer.spoil();
                }
            }
        }
    }

    private <C> Object join(CachedMethod m, Flight running, TriggerCacheEngine.Loader<C> loader, C context) throws Exception {
        Object v;
        try {
            v = running.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return bypass(m, loader, context, BYPASS_INTERRUPTED);
        }
        if (v != Flight.RETRY && loading.get() != 0) {
            LoadFrame outer = frames.get();
            if (outer != null) {
                outer.dependOn(running.stored());
            }
        }
        return v;
    }

    // ------------------------------------------------------------------ loads of methods returning futures

    /**
     * Loads a method returning a future: the method runs once per key; the callers get copies of one shared
     * future; the completed value is stored (stamped with the ticket taken before the method ran), a failure
     * never. The decision to store is taken on the caller's thread when the method returns its future (its
     * transaction's pending changes, its snapshot), and applied on completion.
     */
    private <C> Object loadAsync(CachedMethod m, CacheKey key, TriggerCacheEngine.Loader<C> loader, C context) throws Exception {
        Flight mine = new Flight(m.group(key));
        Flight running = m.flights.putIfAbsent(key, mine);
        if (running != null) {
            Object shared = join(m, running, loader, context);
            spoilOuter();                           // an enclosing load cannot depend on a value not yet stored
            return shared instanceof CompletableFuture<?> f ? f.copy() : shared;
        }
        boolean settled = false;
        try {
            LoadTicket ticket = unsafe.tokens ? null : beginLoad(m, mine);
            long start = System.nanoTime();
            Object stage;
            try {
                stage = loader.load(context);
            } catch (Exception | Error e) {
                m.loadFailures.increment();
                abandon(m, key);
                m.flights.remove(key, mine);
                mine.fail(e);
                settled = true;
                throw e;
            }
            spoilOuter();
            if (!(stage instanceof CompletionStage<?> cs)) {    // null: nothing to cache
                abandon(m, key);
                m.flights.remove(key, mine);
                mine.complete(stage, null);
                settled = true;
                return stage;
            }
            long since = transactions.readsSince();
            boolean dirty = transactions.touches(m) || (ticket != null && !fresh(m, ticket, since));
            CompletableFuture<Object> shared = new CompletableFuture<>();
            if (dirty) {
                m.flights.remove(key, mine);
                mine.complete(Flight.RETRY, null);   // waiters must not share this transaction's own (or older) view
            } else {
                mine.complete(shared, null);
            }
            settled = true;
            LoadTicket t = ticket;
            cs.whenComplete((value, failure) -> completeAsync(m, key, mine, t, since, dirty, start, shared, value, failure));
            return shared.copy();
        } finally {
            if (!settled) {
                m.flights.remove(key, mine);
                mine.complete(Flight.RETRY, null);
            }
        }
    }

    private void completeAsync(CachedMethod m, CacheKey key, Flight mine, LoadTicket ticket, long since, boolean dirty, long start,
                               CompletableFuture<Object> shared, Object value, Throwable failure) {
        try {
            m.loadTimeNanos.add(System.nanoTime() - start);
            if (failure != null) {
                m.loadFailures.increment();
                abandon(m, key);
                return;
            }
            m.loads.increment();
            LoadTicket t = ticket;
            if (unsafe.tokens) {
                t = beginLoad(m, mine);
            }
            boolean stored = !dirty && t != null && !m.owesInvalidation && (value != null || m.cacheNulls)
                    && cacheable(m, value) && (!unsafe.tokens || fresh(m, t, since)) && put(m, key, t, value);
            if (!stored) {
                abandon(m, key);
            }
        } finally {
            m.flights.remove(key, mine);
            if (failure != null) {
                shared.completeExceptionally(failure);
            } else {
                shared.complete(value);
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private LoadFrame enter(LoadTicket ticket, LoadFrame outer) {
        LoadFrame frame = new LoadFrame(ticket, outer);
        frames.set(frame);
        loading.incrementAndGet();
        return frame;
    }

    private void exit(LoadFrame frame, LoadFrame outer) {
        loading.decrementAndGet();
        if (outer == null) {
            frames.remove();
        } else {
            frames.set(outer);
        }
    }

    private LoadTicket beginLoad(CachedMethod m, Flight flight) {
        try {
            return m.region.beginLoad(flight.group);
        } catch (RuntimeException e) {
            fault(m, "read", e);
            return null;
        }
    }

    /** Whether a synchronous load's value, known to be fresh and clean, may be stored: see the class description. */
    private boolean storable(CachedMethod m, LoadFrame frame, Object value) {
        return frame.ticket != null && !frame.spoiled && !m.owesInvalidation && (value != null || m.cacheNulls) && cacheable(m, value);
    }

    /** Whether the method's {@code unless} condition lets {@code value} be stored (no condition: yes). */
    private boolean cacheable(CachedMethod m, Object value) {
        io.triggercache.Unless unless = m.unless;
        if (unless == null) {
            return true;
        }
        try {
            return !unless.test(value);
        } catch (RuntimeException e) {
            m.errors.increment();
            faults.warn("023 " + m.name, skipped -> "TRIGGERCACHE-023 the unless condition of " + m.name + " failed; the value was returned, not stored"
                    + (skipped > 0 ? " (" + skipped + " more since the last report)" : "") + ": " + e, e);
            return false;
        }
    }

    /** Whether everything the load read ({@code since}) is newer than the last drop of its group. */
    private boolean fresh(CachedMethod m, LoadTicket ticket, long since) {
        if (since == Long.MAX_VALUE || unsafe.snapshot || since > ticket.invalidatedAt()) {
            return true;
        }
        m.snapshotRefusals.increment();
        if (LOG.isLoggable(System.Logger.Level.TRACE)) {
            LOG.log(System.Logger.Level.TRACE, "TRIGGERCACHE-030 " + m.name + ": the load read through a snapshot from " + since
                    + ", not newer than the group's last drop at " + ticket.invalidatedAt() + "; returned to its caller, not stored");
        }
        return false;
    }

    /** Stores a loaded value; a store fault (or a codec overflowing the stack) is counted, never thrown. */
    private boolean put(CachedMethod m, CacheKey key, LoadTicket ticket, Object value) {
        try {
            m.region.put(key, ticket, value == null ? NullValue.INSTANCE : value, expiresAt(m));
            return true;
        } catch (RuntimeException e) {
            fault(m, "write", e);
        } catch (StackOverflowError e) {
            fault(m, "write", new IllegalStateException("the store overflowed the stack writing the value (a very deep object graph?)", e));
        }
        return false;
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

    private void fault(CachedMethod m, String operation, RuntimeException e) {
        m.errors.increment();
        faults.report(m.name, operation, e);
    }
}
