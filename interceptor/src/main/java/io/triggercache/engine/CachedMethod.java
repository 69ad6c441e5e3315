package io.triggercache.engine;

import io.triggercache.Cached;
import io.triggercache.MethodStatistics;
import io.triggercache.spi.Region;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.atomic.LongAdder;

/**
 * The immutable metadata of one cached method, built at deployment, with its runtime parts: the
 * store region, the loads in flight and the counters.
 */
final class CachedMethod {

    final String name;
    final String cacheName;
    final Method method;
    final PropertyPath[] keyPaths;
    /** Indexes into the key parts of the suffix parts, in suffix order. */
    final int[] suffixParts;
    final PropertyPath[] suffixPaths;
    final long ttlMillis;
    final double jitter;
    final boolean cacheNulls;
    /** {@link io.triggercache.Cached#unless()}: results it accepts are returned but not stored; null for none. */
    volatile io.triggercache.Unless unless;
    final Cached.Near near;
    /** Whether the method returns a {@code CompletionStage}: the completed value is cached, never the future. */
    final boolean async;

    Region region;
    /** The last drops applied on this node, for the inspector; set by the engine (empty ring: off). */
    DropLog drops = DropLog.OFF;

    final ConcurrentHashMap<Object, Flight> flights = new ConcurrentHashMap<>();

    /** Set when an invalidation could not be applied: the method bypasses the cache until it is. */
    volatile boolean owesInvalidation;
    volatile long nextRepairAt;
    /** Held by the one thread trying an owed drop. */
    final ReentrantLock repairLock = new ReentrantLock();

    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder loads = new LongAdder();
    final LongAdder loadFailures = new LongAdder();
    final LongAdder loadTimeNanos = new LongAdder();
    final LongAdder invalidations = new LongAdder();
    final LongAdder bypasses = new LongAdder();
    final LongAdder errors = new LongAdder();
    /** Whole-method drops because a trigger could not tell the group (unknown old state, a failing path). */
    final LongAdder unknownDrops = new LongAdder();
    /** Loads returned to their caller but not stored, because they read through a snapshot older than a drop. */
    final LongAdder snapshotRefusals = new LongAdder();

    CachedMethod(String name, String cacheName, Method method, PropertyPath[] keyPaths, int[] suffixParts,
                 PropertyPath[] suffixPaths, long ttlMillis, double jitter, boolean cacheNulls,
                 Cached.Near near, boolean async) {
        this.name = name;
        this.cacheName = cacheName;
        this.method = method;
        this.keyPaths = keyPaths;
        this.suffixParts = suffixParts;
        this.suffixPaths = suffixPaths;
        this.ttlMillis = ttlMillis;
        this.jitter = jitter;
        this.cacheNulls = cacheNulls;
        this.near = near;
        this.async = async;
    }

    /**
     * The key of a call: the values of the key paths over the arguments.
     *
     * @throws KeyFault if a path fails (a getter throwing, a detached lazy proxy), naming the path
     */
    CacheKey key(Object[] args) {
        try {
            return keyOf(args);
        } catch (RuntimeException e) {
            for (PropertyPath p : keyPaths == null ? new PropertyPath[0] : keyPaths) {
                try {
                    p.evaluate(args);
                } catch (RuntimeException again) {
                    throw new KeyFault(p.text, again);
                }
            }
            throw new KeyFault("?", e);
        }
    }

    /** A key path failed on the arguments of a call. */
    static final class KeyFault extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String path;

        KeyFault(String path, RuntimeException cause) {
            super("key path \"" + path + "\" failed: " + cause, cause);
            this.path = path;
        }
    }

    private CacheKey keyOf(Object[] args) {
        PropertyPath[] paths = keyPaths;
        if (paths == null) {                        // a block defined in code: the values are the key
            return CacheKey.of(name, args);
        }
        switch (paths.length) {
            case 0:
                return new CacheKey.K0(name);
            case 1:
                return new CacheKey.K1(name, paths[0].evaluate(args));
            case 2:
                return new CacheKey.K2(name, paths[0].evaluate(args), paths[1].evaluate(args));
            case 3:
                return new CacheKey.K3(name, paths[0].evaluate(args), paths[1].evaluate(args), paths[2].evaluate(args));
            default:
                Object[] parts = new Object[paths.length];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = paths[i].evaluate(args);
                }
                return new CacheKey.KN(name, parts);
        }
    }

    /** The group of an entry, from its key. */
    List<?> group(CacheKey key) {
        if (suffixParts.length == 0) {
            return Groups.NO_SUFFIX;
        }
        Object[] values = new Object[suffixParts.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = key.part(suffixParts[i]);
        }
        return Groups.of(values);
    }

    boolean hasSuffix() {
        return suffixParts.length > 0;
    }

    MethodStatistics statistics() {
        return new MethodStatistics(name, hits.sum(), misses.sum(), loads.sum(), loadFailures.sum(),
                loadTimeNanos.sum(), invalidations.sum(), bypasses.sum(), errors.sum());
    }

    @Override
    public String toString() {
        return name;
    }
}
