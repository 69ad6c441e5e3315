package io.triggercache.benchmarks.b8;

import io.triggercache.benchmarks.b1.HitService;
import io.triggercache.benchmarks.support.Engines;
import io.triggercache.benchmarks.support.Item;
import io.triggercache.benchmarks.support.Provider;
import io.triggercache.engine.TriggerCacheEngine;
import io.triggercache.jcache.EmbeddedProvider;
import io.triggercache.jcache.JCacheStore;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * B8, hit throughput of the embedded stores at 1, 2 and 4 threads, in one JMH run: the engine's hit
 * ({@link TriggerCacheEngine#call}, no container) over {@code JCacheStore.embedded(EHCACHE)} and
 * {@code JCacheStore.embedded(CAFFEINE)} (what {@code -Dtriggercache.embedded=ehcache|caffeine} opens), next to the
 * anchor, {@code ConcurrentHashMap.get}, and the raw {@code Cache.get} of each provider on a cache configured like
 * the store's ({@link Provider}).
 *
 * <p>One benchmark method per thread count ({@code @Threads}), so that a single run measures all three under the
 * same conditions. Each thread walks its own pass over {@value #KEYS} keys (every one a hit: the setup loads them,
 * the teardown fails the run if any call missed), starting at its own offset. The score is the total over all
 * threads, in operations per microsecond.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HitScalingBenchmark {

    /** The number of distinct keys; far below the caches' bound, so nothing is evicted. */
    static final int KEYS = 1024;

    static final TriggerCacheEngine.Loader<Object[]> LOAD = args -> new Item((Long) args[0], "one");

    /** The contender of one trial. */
    @State(Scope.Benchmark)
    public static class Contender {
        /**
         * {@code concurrentHashMap}: the anchor; {@code ehcache}, {@code caffeine}: the engine over that embedded
         * store; {@code ehcacheGet}, {@code caffeineGet}: the provider's raw {@code Cache.get}.
         */
        @Param({"concurrentHashMap", "ehcache", "caffeine", "ehcacheGet", "caffeineGet"})
        public String store;

        final Long[] keys = new Long[KEYS];
        final Object[][] args = new Object[KEYS][];
        ConcurrentHashMap<Object, Object> map;
        TriggerCacheEngine engine;
        Method one;
        CacheManager manager;
        Cache<Object, Object> cache;
        long missesAfterSetup;

        @Setup(Level.Trial)
        public void start() throws Exception {
            for (int i = 0; i < KEYS; i++) {
                keys[i] = 1_000L + i;
                args[i] = new Object[] {keys[i]};
            }
            switch (store) {
                case "concurrentHashMap" -> {
                    map = new ConcurrentHashMap<>();
                    for (Long k : keys) {
                        map.put(k, new Item(k, "one"));
                    }
                }
                case "ehcache", "caffeine" -> {
                    one = Engines.method(HitService.class, "one", long.class);
                    engine = Engines.over(JCacheStore.embedded(EmbeddedProvider.parse(store)), true, 10_000, List.of(one));
                    for (Object[] a : args) {
                        engine.call(one, a, LOAD, a);                        // load
                        engine.call(one, a, LOAD, a);                        // hit
                    }
                    if (engine.of(HitService.ONE).hits() != KEYS || engine.of(HitService.ONE).misses() != KEYS) {
                        throw new IllegalStateException("the engine over " + store + " did not serve every key from the cache after"
                                + " loading it: " + engine.of(HitService.ONE));
                    }
                    missesAfterSetup = engine.of(HitService.ONE).misses();
                }
                case "ehcacheGet", "caffeineGet" -> {
                    Provider p = Provider.of(store.substring(0, store.length() - "Get".length()));
                    manager = p.newManager("b8-raw");
                    cache = p.createCache(manager, "raw", 10_000);
                    for (Long k : keys) {
                        cache.put(k, new Item(k, "one"));
                    }
                }
                default -> throw new IllegalArgumentException("unknown contender " + store);
            }
        }

        Object hit(int i) throws Exception {
            if (map != null) {
                return map.get(keys[i]);
            }
            if (engine != null) {
                Object[] a = args[i];
                return engine.call(one, a, LOAD, a);
            }
            return cache.get(keys[i]);
        }

        @TearDown(Level.Trial)
        public void stop() {
            if (engine != null) {
                long misses = engine.of(HitService.ONE).misses() - missesAfterSetup;
                engine.close();
                if (misses != 0) {
                    throw new IllegalStateException(misses + " calls missed during the measurement: not a hit benchmark");
                }
            }
            if (manager != null) {
                manager.close();
            }
        }
    }

    /** A thread's position in its walk over the keys. */
    @State(Scope.Thread)
    public static class Walk {
        int next;

        @Setup(Level.Trial)
        public void start(ThreadParams thread) {
            next = (thread.getThreadIndex() * (KEYS / 4)) % KEYS;
        }

        int advance() {
            int i = next;
            next = (i + 1) & (KEYS - 1);
            return i;
        }
    }

    @Benchmark
    @Threads(1)
    public Object hits1Thread(Contender c, Walk w) throws Exception {
        return c.hit(w.advance());
    }

    @Benchmark
    @Threads(2)
    public Object hits2Threads(Contender c, Walk w) throws Exception {
        return c.hit(w.advance());
    }

    @Benchmark
    @Threads(4)
    public Object hits4Threads(Contender c, Walk w) throws Exception {
        return c.hit(w.advance());
    }
}
