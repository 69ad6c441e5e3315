package io.triggercache.benchmarks.b6;

import io.triggercache.MethodStatistics;
import io.triggercache.benchmarks.support.Engines;
import io.triggercache.benchmarks.support.Provider;
import io.triggercache.engine.TriggerCacheEngine;
import java.lang.reflect.Method;
import java.util.List;
import java.util.SplittableRandom;
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

/**
 * B6, hit cost as the cache grows: {@code entries} entries of {@link GrowthService#grouped} (one group token
 * per entry, the heavier shape) through the engine directly, read at uniformly random keys, next to a raw
 * {@code Cache.get} of the same provider holding the same number of entries. The anchor shows what the
 * memory hierarchy alone does to a lookup as the working set outgrows the CPU caches; the goal (flat within
 * 1.5x from 1k to 1M) is read against it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GrowthBenchmark {

    static final TriggerCacheEngine.Loader<Object> LOADER = ignored -> GrowthService.VALUE;

    /** The size and the provider. */
    @State(Scope.Benchmark)
    public static class Size {
        @Param({"1000", "100000", "1000000"})
        public int entries;

        @Param({"ehcache", "caffeine"})
        public String provider;

        Object[][] args;

        @Setup(Level.Trial)
        public void keys() {
            args = new Object[entries][];
            for (int i = 0; i < entries; i++) {
                // ids above the JVM's small-value cache: each key part is an object of its own, as real ids are
                args[i] = new Object[] {Long.valueOf(1_000_000L + i)};
            }
        }
    }

    /** A random index per thread; the same generator for both contenders. */
    @State(Scope.Thread)
    public static class Cursor {
        private final SplittableRandom random = new SplittableRandom(42);

        int next(int bound) {
            return random.nextInt(bound);
        }
    }

    /** The engine filled with {@code entries} entries. */
    @State(Scope.Benchmark)
    public static class Ours {
        CacheManager manager;
        TriggerCacheEngine engine;
        Method method;
        int entries;

        @Setup(Level.Trial)
        public void fill(Size size) throws Exception {
            manager = Provider.of(size.provider).newManager("b6-growth");
            method = Engines.method(GrowthService.class, "grouped", long.class);
            engine = Engines.over(manager, 2L * size.entries, List.of(method));
            for (Object[] a : size.args) {
                engine.call(method, a, LOADER, null);
            }
            for (Object[] a : size.args) {
                engine.call(method, a, LOADER, null);
            }
            entries = size.entries;
            long hits = engine.of(engine.names().get(0)).hits();
            if (hits != size.entries) {
                throw new IllegalStateException("expected " + size.entries + " hits after filling, got " + hits);
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            // a hit benchmark that quietly measured misses would be meaningless: report them
            MethodStatistics s = engine.of(engine.names().get(0));
            if (s.misses() > s.loads() || s.loads() > entries) {
                System.err.println("B6 growth: " + s + " (more than the " + entries + " filling misses)");
            } else if (s.misses() > entries) {
                System.err.println("B6 growth: " + (s.misses() - entries) + " misses during measurement: " + s);
            }
            engine.close();
            manager.close();
        }
    }

    /** A raw cache of the same provider with {@code entries} entries. */
    @State(Scope.Benchmark)
    public static class Raw {
        CacheManager manager;
        Cache<Object, Object> cache;

        @Setup(Level.Trial)
        public void fill(Size size) {
            Provider p = Provider.of(size.provider);
            manager = p.newManager("b6-growth-raw");
            cache = p.createCache(manager, "raw", 2L * size.entries);
            for (Object[] a : size.args) {
                cache.put(a[0], GrowthService.VALUE);
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            manager.close();
        }
    }

    @Benchmark
    public Object triggercacheHit(Size size, Ours ours, Cursor cursor) throws Exception {
        Object[] a = size.args[cursor.next(size.entries)];
        return ours.engine.call(ours.method, a, LOADER, null);
    }

    @Benchmark
    public Object rawGet(Size size, Raw raw, Cursor cursor) {
        Object[] a = size.args[cursor.next(size.entries)];
        return raw.cache.get(a[0]);
    }
}
