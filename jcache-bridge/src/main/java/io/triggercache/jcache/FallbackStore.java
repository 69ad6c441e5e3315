package io.triggercache.jcache;

import io.triggercache.spi.CacheStore;
import io.triggercache.spi.LoadTicket;
import io.triggercache.spi.Region;
import io.triggercache.spi.RegionSpec;
import io.triggercache.spi.StoredValue;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A store that moves the application from one store to another without starting cold: while the move lasts, a
 * read that misses in the {@code target} store (the new one) tries the {@code previous} store (the old, warm one),
 * and every drop goes to both; once the move has ended, only the target is used.
 *
 * <p>An entry found only in the previous store is served, and copied into the target if it is still current there.
 * The copy is stamped with the target's ticket for the entry's group, taken <em>before</em> the previous store is
 * read again for the value copied, and drops reach the previous store before the target: so a drop that races the
 * copy either finds the value already gone from the previous store (nothing is copied) or changes the target's group
 * after the ticket was taken (the copy is never current there). Invariant I3 holds across the move. Only entries that
 * depend on nothing but their own group ({@link StoredValue#selfContained()}; not fragments or outer methods that used
 * other cached values, I9) are copied; the others are served from the previous store until they are dropped there,
 * and loaded anew into the target afterwards.
 *
 * <p>If a drop fails on the previous store, it may keep an entry that is no longer current, so the move ends at once
 * for reads (a warning is logged once) and the target carries on alone; a drop that fails on the target fails as on
 * any store (the engine owes it). A read that fails on the previous store is a miss. Every node of the application
 * must run the same move (each node's drops must reach both stores); the previous store keeps the tokens it has.
 *
 * <pre>{@code
 * @Produces @ApplicationScoped
 * CacheStore store() {
 *     return FallbackStore.moving(newRedisClusterStore, oldRedisStore)
 *             .until(Instant.parse("2026-12-08T06:00:00Z"));   // or end it by hand: endMove()
 * }
 * }</pre>
 *
 * <p>Thread-safe. Closing it closes both stores.
 */
public final class FallbackStore implements CacheStore {

    private static final System.Logger LOG = System.getLogger("io.triggercache");

    private final CacheStore target;
    private final CacheStore previous;
    private final Clock clock;
    private volatile Instant ends;
    private volatile boolean ended;
    private final AtomicLong servedFromPrevious = new AtomicLong();
    private final AtomicLong copied = new AtomicLong();

    private FallbackStore(CacheStore target, CacheStore previous, Instant ends, Clock clock) {
        this.target = Objects.requireNonNull(target, "target");
        this.previous = Objects.requireNonNull(previous, "previous");
        this.ends = ends;
        this.clock = clock;
    }

    /**
     * A move from {@code previous} to {@code target} that lasts until {@link #until} or {@link #endMove()} ends it
     * (with neither, until {@code endMove()}).
     */
    public static FallbackStore moving(CacheStore target, CacheStore previous) {
        return new FallbackStore(target, previous, null, Clock.systemUTC());
    }

    /** For tests: the move's end is read on {@code clock}. */
    static FallbackStore moving(CacheStore target, CacheStore previous, Clock clock) {
        return new FallbackStore(target, previous, null, clock);
    }

    /** Ends the move at {@code end} (from then on only the target is read and written). Returns this store. */
    public FallbackStore until(Instant end) {
        this.ends = Objects.requireNonNull(end, "end");
        return this;
    }

    /** Ends the move now: from now on only the target is read and written. */
    public void endMove() {
        ended = true;
    }

    /** Whether the move lasts: reads that miss try the previous store, drops go to both. */
    public boolean moving() {
        if (ended) {
            return false;
        }
        Instant e = ends;
        if (e != null && !clock.instant().isBefore(e)) {
            ended = true;
            return false;
        }
        return true;
    }

    /** Reads that the previous store answered, since the start. */
    public long servedFromPrevious() {
        return servedFromPrevious.get();
    }

    /** Entries copied from the previous store into the target, since the start. */
    public long copied() {
        return copied.get();
    }

    @Override
    public Region region(RegionSpec spec) {
        return new FallbackRegion(target.region(spec), previous.region(spec), spec.groupOf());
    }

    @Override
    public void clear() {
        if (moving()) {
            previous.clear();
        }
        target.clear();
    }

    @Override
    public void close() {
        try {
            target.close();
        } finally {
            previous.close();
        }
    }

    private void previousDropFailed(RuntimeException e) {
        if (!ended) {
            ended = true;
            LOG.log(System.Logger.Level.WARNING, "TRIGGERCACHE-060 the previous store failed a drop, so it may hold entries that "
                    + "are no longer current: the move to the new store ended now, and only the new store is read from now on", e);
        }
    }

    private final class FallbackRegion implements Region {

        private final Region target;
        private final Region previous;
        private final Function<Object, List<?>> groupOf;

        FallbackRegion(Region target, Region previous, Function<Object, List<?>> groupOf) {
            this.target = target;
            this.previous = previous;
            this.groupOf = groupOf;
        }

        @Override
        public boolean available() {
            return target.available();
        }

        @Override
        public StoredValue get(Object key) {
            StoredValue v = target.get(key);
            if (v != null || !moving()) {
                return v;
            }
            StoredValue old;
            try {
                if (!previous.available() || (old = previous.get(key)) == null) {
                    return null;
                }
            } catch (RuntimeException e) {
                return null;
            }
            servedFromPrevious.incrementAndGet();
            List<?> group = old.selfContained() && groupOf != null ? groupOf.apply(key) : null;
            if (group == null) {
                return old;
            }
            LoadTicket ticket = target.beginLoad(group);       // first: a drop after this makes the copy not current
            StoredValue current;
            try {
                current = previous.get(key);                     // then: the value as the previous store has it now
            } catch (RuntimeException e) {
                current = null;
            }
            if (current == null || !current.selfContained()) {
                target.abandon(key);
                return current == null ? old : current;
            }
            target.put(key, ticket, current.value(), current.expiresAt());
            copied.incrementAndGet();
            return current;
        }

        @Override
        public LoadTicket beginLoad(List<?> group) {
            return target.beginLoad(group);
        }

        @Override
        public void put(Object key, LoadTicket ticket, Object value, long expiresAt) {
            target.put(key, ticket, value, expiresAt);
        }

        @Override
        public void remove(Object key) {
            if (moving()) {
                try {
                    previous.remove(key);
                } catch (RuntimeException e) {
                    // an expired entry: it stays expired there
                }
            }
            target.remove(key);
        }

        @Override
        public void abandon(Object key) {
            target.abandon(key);
        }

        @Override
        public void invalidateGroup(List<?> group) {
            if (moving()) {
                try {
                    previous.invalidateGroup(group);             // the previous store first (see the class comment)
                } catch (RuntimeException e) {
                    previousDropFailed(e);
                }
            }
            target.invalidateGroup(group);
        }

        @Override
        public void invalidateAll() {
            if (moving()) {
                try {
                    previous.invalidateAll();
                } catch (RuntimeException e) {
                    previousDropFailed(e);
                }
            }
            target.invalidateAll();
        }
    }
}
