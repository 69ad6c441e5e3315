package io.triggercache.benchmarks.b7;

import io.triggercache.Invalidator;
import io.triggercache.MethodStatistics;
import io.triggercache.benchmarks.support.DependencyService;
import io.triggercache.benchmarks.support.DependentService;
import io.triggercache.benchmarks.support.Engines;
import io.triggercache.benchmarks.support.Item;
import io.triggercache.benchmarks.support.ProvidedBean;
import io.triggercache.benchmarks.support.Provider;
import io.triggercache.benchmarks.support.WeldApp;
import io.triggercache.engine.TriggerCacheEngine;
import io.triggercache.jcache.JCacheStore;
import io.triggercache.jcache.NearMode;
import io.triggercache.jcache.SerializationCodec;
import io.triggercache.spi.CacheStore;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.configuration.OptionalFeature;
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
 * B7, the cost of one hit per near mode and engine (issue 7): a {@code @Cached} call answered from the cache
 * through the Weld client proxy and interceptor, over a {@link JCacheStore} on a distributed JCache provider with
 * two nodes in this JVM, for each {@link NearMode}, next to two anchors measured in the same run: the
 * provider's own {@code Cache.get} of a present key, and the same call over the embedded local Ehcache store.
 *
 * <ul>
 *   <li>{@code sharedOff}, {@code sharedStrict}, {@code sharedNear}: {@link NearHitService} in Weld SE over a
 *       store on node 0 of {@link SharedCluster} ({@code engine} parameter: Hazelcast, Infinispan, Redisson),
 *       built as an application builds it: {@code JCacheStore.builder(manager).codec(..).near(STRICT)
 *       .near(off, OFF).near(near, NEAR)}, produced as the application's {@code CacheStore} bean.</li>
 *   <li>{@code sharedNearEngine}: the {@code NEAR} method answered by {@link TriggerCacheEngine#call} directly
 *       over such a store (the library's share, without the container).</li>
 *   <li>{@code sharedRawGet}: {@code Cache.get} on a cache the benchmark creates in node 0's manager (a plain
 *       JCache configuration, by reference where the provider supports it, as the store creates its caches),
 *       holding strings of the size of an encoded entry.</li>
 *   <li>{@code sharedStrictDeps}: in mode {@code STRICT} (every hit reads the shared cache), a hit of an entry
 *       whose load read {@code deps} other cached values ({@link DependentService#spread}, the {@value #KEYS} keys
 *       in turn, each its own group, all depending on the same {@code deps} groups), so that the hit also
 *       checks those groups' tokens in the shared cache; {@code deps = 0} is the same method with none, the base of
 *       the ratios. The store reads an entry's own tokens and its dependencies' in one bulk read, so the ratio
 *       shows whether the dependencies cost round trips or only bytes.</li>
 *   <li>{@code localEhcache}, {@code localEhcacheEngine}, {@code localEhcacheRawGet}: the same method in Weld
 *       SE over the library's embedded default store (Ehcache 3 on heap, tokens in the JVM), the same through
 *       the engine alone, and a raw Ehcache {@code get}.</li>
 * </ul>
 * Node 1 runs an application node of its own (an engine over its own store) that loaded the same keys, so
 * that the caches exist on both nodes (Infinispan replicates only to nodes that started a cache) and node 0's
 * {@code NEAR} mirror listens to a cluster with another writer. Every contender reads the same
 * {@value #KEYS} keys in turn: on Hazelcast a single key's cost depends on whether its partition's owner is the
 * reading member, which differs from one cluster start to the next. Before measuring, each state checks that
 * the calls are hits, and that the {@code NEAR} region is in effect and answers without a round trip.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NearHitBenchmark {

    /** The keys every contender reads in turn (a power of two). */
    static final int KEYS = 16;

    static final long MAX_ENTRIES = 10_000;

    static final String RAW_CACHE = "triggercache-b7-raw";

    /** The distributed engine under the shared contenders. Redisson needs a Redis: run.sh adds it with -Pservices. */
    @State(Scope.Benchmark)
    public static class Choice {
        @Param({"hazelcast", "infinispan"})
        public String engine;
    }

    /** The keys, read from fields so that the JIT cannot fold them, and the turn. */
    @State(Scope.Thread)
    public static class Call {
        final long[] ids = new long[KEYS];
        final Object[][] args = new Object[KEYS][];
        final String[] rawKeys = new String[KEYS];
        final Long[] boxed = new Long[KEYS];
        int turn;

        @Setup
        public void setup() {
            for (int i = 0; i < KEYS; i++) {
                ids[i] = 40 + i;
                boxed[i] = ids[i];
                args[i] = new Object[] {ids[i]};
                rawKeys[i] = rawKey(i);
            }
        }

        int next() {
            int t = (turn + 1) & (KEYS - 1);
            turn = t;
            return t;
        }
    }

    /** Two nodes of the chosen engine; node 1 runs an application node that loaded every key. */
    @State(Scope.Benchmark)
    public static class Cluster {
        SharedCluster cluster;
        TriggerCacheEngine peer;

        @Setup(Level.Trial)
        public void start(Choice choice) throws Exception {
            cluster = SharedCluster.start(choice.engine);
            cluster.created(JCacheStore.TOKEN_CACHE, NearHitService.OFF, NearHitService.STRICT, NearHitService.NEAR, RAW_CACHE,
                    DependentService.OUTER, DependentService.SPREAD, DependencyService.INNER);
            peer = Engines.over(sharedStore(cluster.manager(1)), true, MAX_ENTRIES, methods());
            for (Method m : methods()) {
                for (int i = 0; i < KEYS; i++) {
                    Object[] args = {40L + i};
                    peer.call(m, args, Cluster::load, args);
                }
            }
        }

        static Object load(Object[] args) {
            long id = (Long) args[0];
            return new Title(id, "title " + id);
        }

        @TearDown(Level.Trial)
        public void stop() {
            quietly(() -> peer.close());
            cluster.close();
        }
    }

    /** triggercache in Weld SE over a store on node 0, the near mode set per method. */
    @State(Scope.Benchmark)
    public static class Shared {
        JCacheStore store;
        WeldApp app;
        NearHitService service;

        @Setup(Level.Trial)
        public void start(Cluster cluster) {
            store = sharedStore(cluster.cluster.manager(0));
            app = WeldApp.start(null, List.of(new ProvidedBean<>(CacheStore.class, store)), NearHitService.class);
            service = app.bean(NearHitService.class);
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < KEYS; i++) {
                    service.off(40 + i);
                    service.strict(40 + i);
                    service.near(40 + i);
                }
            }
            for (String name : List.of(NearHitService.OFF, NearHitService.STRICT, NearHitService.NEAR)) {
                requireHits(app.statistics(name), name);
            }
            requireModes(store);
            requireLocal("sharedNear on " + cluster.cluster.kind(), id -> service.near(id).id());
        }

        @TearDown(Level.Trial)
        public void stop() {
            quietly(() -> app.close());
            quietly(() -> store.close());
        }
    }

    /**
     * triggercache in Weld SE over a store on node 0 in mode {@code STRICT}, an outer entry with {@code deps}
     * dependencies; node 1 runs an engine that loaded the same keys (so that the caches exist on both nodes).
     */
    @State(Scope.Benchmark)
    public static class SharedDeps {
        @Param({"0", "1", "4", "16"})
        public int deps;

        JCacheStore store;
        TriggerCacheEngine peer;
        WeldApp app;
        DependentService service;
        long k;

        @Setup(Level.Trial)
        public void start(Cluster cluster) throws Exception {
            k = deps;
            Method inner = Engines.method(DependencyService.class, "inner", long.class);
            Method outer = Engines.method(DependentService.class, "outer", long.class);
            Method spread = Engines.method(DependentService.class, "spread", long.class, long.class);
            peer = Engines.over(depsStore(cluster.cluster.manager(1)), true, MAX_ENTRIES, List.of(inner, outer, spread));
            for (long i = 0; i < k; i++) {
                Object[] args = {i};
                peer.call(inner, args, a -> new Item((Long) a[0], "inner"), args);
            }
            // another key of the outer method: node 0 must load k itself, to record its dependencies
            Object[] other = {k + 1};
            peer.call(inner, other, a -> new Item((Long) a[0], "inner"), other);
            peer.call(outer, other, a -> new Item((Long) a[0], "peer"), other);
            Object[] otherSpread = {k + 1, 0L};
            peer.call(spread, otherSpread, a -> new Item((Long) a[0], "peer"), otherSpread);
            store = depsStore(cluster.cluster.manager(0));
            app = WeldApp.start(null, List.of(new ProvidedBean<>(CacheStore.class, store)), DependencyService.class, DependentService.class);
            service = app.bean(DependentService.class);
            DependentService.warm(service, app.bean(DependencyService.class), app.bean(Invalidator.class), app::statistics, k);
            for (int round = 0; round < 3; round++) {
                for (int j = 0; j < KEYS; j++) {
                    service.spread(k, 40 + j);     // the keys Call reads
                }
            }
            MethodStatistics s = app.statistics(DependentService.SPREAD);
            if (s.loads() != KEYS || s.hits() != 2 * KEYS) {
                throw new IllegalStateException(DependentService.SPREAD + " was not stored once per key: " + s);
            }
            if (store.nearMode(DependentService.SPREAD) != NearMode.STRICT) {
                throw new IllegalStateException(DependentService.SPREAD + " is not in mode STRICT: " + store.nearMode(DependentService.SPREAD));
            }
        }

        /** A store over a shared cache in mode {@code STRICT}, its codec allowing the value. */
        private static JCacheStore depsStore(CacheManager manager) {
            return JCacheStore.builder(manager).codec(SerializationCodec.builder().allow(Item.class).build()).near(NearMode.STRICT).build();
        }

        @TearDown(Level.Trial)
        public void stop() {
            quietly(() -> app.close());
            quietly(() -> store.close());
            quietly(() -> peer.close());
        }
    }

    /** The engine alone over a store on node 0, the near mode set per method. */
    @State(Scope.Benchmark)
    public static class SharedEngine {
        JCacheStore store;
        TriggerCacheEngine engine;
        Method near;

        @Setup(Level.Trial)
        public void start(Cluster cluster) throws Exception {
            store = sharedStore(cluster.cluster.manager(0));
            engine = Engines.over(store, true, MAX_ENTRIES, methods());
            near = Engines.method(NearHitService.class, "near", long.class);
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < KEYS; i++) {
                    Object[] args = {40L + i};
                    engine.call(near, args, Cluster::load, args);
                }
            }
            requireHits(engine.of(NearHitService.NEAR), NearHitService.NEAR);
            requireModes(store);
            requireLocal("sharedNearEngine on " + cluster.cluster.kind(), id -> {
                Object[] args = {id};
                try {
                    return ((Title) engine.call(near, args, Cluster::load, args)).id();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        @TearDown(Level.Trial)
        public void stop() {
            quietly(() -> engine.close());
        }
    }

    /** A plain cache of node 0's manager holding {@value #KEYS} encoded-entry-sized strings. */
    @State(Scope.Benchmark)
    public static class SharedRaw {
        Cache<Object, Object> cache;

        @Setup(Level.Trial)
        public void start(Cluster cluster) {
            cache = rawCache(cluster.cluster.manager(0));
            // the other node opens it too (Infinispan replicates to the nodes that started the cache)
            Cache<Object, Object> other = rawCache(cluster.cluster.manager(1));
            String value = "x".repeat(128);
            for (int i = 0; i < KEYS; i++) {
                cache.put(rawKey(i), value + i);
            }
            for (int i = 0; i < KEYS; i++) {
                if (!(value + i).equals(other.get(rawKey(i))) || !(value + i).equals(cache.get(rawKey(i)))) {
                    throw new IllegalStateException("the raw cache does not hold key " + i + " on both nodes");
                }
            }
        }

        private static Cache<Object, Object> rawCache(CacheManager manager) {
            Cache<Object, Object> c = manager.getCache(RAW_CACHE);
            if (c != null) {
                return c;
            }
            MutableConfiguration<Object, Object> configuration = new MutableConfiguration<>();
            if (manager.getCachingProvider().isSupported(OptionalFeature.STORE_BY_REFERENCE)) {
                configuration.setStoreByValue(false);
            }
            return manager.createCache(RAW_CACHE, configuration);
        }
    }

    /** triggercache in Weld SE over the embedded default store (Ehcache 3, tokens in the JVM). */
    @State(Scope.Benchmark)
    public static class Local {
        WeldApp app;
        NearHitService service;

        @Setup(Level.Trial)
        public void start() {
            app = WeldApp.start(null, NearHitService.class);
            service = app.bean(NearHitService.class);
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < KEYS; i++) {
                    service.near(40 + i);
                }
            }
            requireHits(app.statistics(NearHitService.NEAR), NearHitService.NEAR);
        }

        @TearDown(Level.Trial)
        public void stop() {
            app.close();
        }
    }

    /** The engine alone over the embedded default store. */
    @State(Scope.Benchmark)
    public static class LocalEngine {
        TriggerCacheEngine engine;
        Method near;

        @Setup(Level.Trial)
        public void start() throws Exception {
            near = Engines.method(NearHitService.class, "near", long.class);
            engine = Engines.over(JCacheStore.embedded(), true, MAX_ENTRIES, List.of(near));
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < KEYS; i++) {
                    Object[] args = {40L + i};
                    engine.call(near, args, Cluster::load, args);
                }
            }
            requireHits(engine.of(NearHitService.NEAR), NearHitService.NEAR);
        }

        @TearDown(Level.Trial)
        public void stop() {
            engine.close();
        }
    }

    /** A plain Ehcache cache configured as the embedded store's (on heap, by reference, bounded). */
    @State(Scope.Benchmark)
    public static class LocalRaw {
        CacheManager manager;
        Cache<Object, Object> cache;

        @Setup(Level.Trial)
        public void start() {
            manager = Provider.EHCACHE.newManager("b7-raw");
            cache = Provider.EHCACHE.createCache(manager, "raw", MAX_ENTRIES);
            for (int i = 0; i < KEYS; i++) {
                cache.put(40L + i, new Title(40 + i, "title " + (40 + i)));
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            manager.close();
        }
    }

    // ------------------------------------------------------------------ the contenders

    @Benchmark
    public Object sharedOff(Shared s, Call c) {
        return s.service.off(c.ids[c.next()]);
    }

    @Benchmark
    public Object sharedStrict(Shared s, Call c) {
        return s.service.strict(c.ids[c.next()]);
    }

    @Benchmark
    public Object sharedNear(Shared s, Call c) {
        return s.service.near(c.ids[c.next()]);
    }

    @Benchmark
    public Object sharedStrictDeps(SharedDeps d, Call c) {
        return d.service.spread(d.k, c.ids[c.next()]);
    }

    @Benchmark
    public Object sharedNearEngine(SharedEngine e, Call c) throws Exception {
        Object[] args = c.args[c.next()];
        return e.engine.call(e.near, args, Cluster::load, args);
    }

    @Benchmark
    public Object sharedRawGet(SharedRaw raw, Call c) {
        return raw.cache.get(c.rawKeys[c.next()]);
    }

    @Benchmark
    public Object localEhcache(Local l, Call c) {
        return l.service.near(c.ids[c.next()]);
    }

    @Benchmark
    public Object localEhcacheEngine(LocalEngine e, Call c) throws Exception {
        Object[] args = c.args[c.next()];
        return e.engine.call(e.near, args, Cluster::load, args);
    }

    @Benchmark
    public Object localEhcacheRawGet(LocalRaw raw, Call c) {
        return raw.cache.get(c.boxed[c.next()]);
    }

    // ------------------------------------------------------------------ set-up helpers

    static String rawKey(int i) {
        return "b7-raw-" + i;
    }

    static List<Method> methods() {
        return List.of(Engines.method(NearHitService.class, "off", long.class),
                Engines.method(NearHitService.class, "strict", long.class),
                Engines.method(NearHitService.class, "near", long.class));
    }

    /** A store over a shared cache as an application builds one: codec allowing the value, modes per method. */
    static JCacheStore sharedStore(CacheManager manager) {
        return JCacheStore.builder(manager)
                .codec(SerializationCodec.builder().allow(Title.class).build())
                .near(NearMode.STRICT)
                .near(NearHitService.OFF, NearMode.OFF)
                .near(NearHitService.STRICT, NearMode.STRICT)
                .near(NearHitService.NEAR, NearMode.NEAR)
                .build();
    }

    static void requireHits(MethodStatistics s, String name) {
        if (s.hits() == 0) {
            throw new IllegalStateException(name + " served no hit after warm-up: " + s);
        }
    }

    /**
     * Fails unless the regions are in the modes asked for: a provider without cache listeners turns {@code NEAR}
     * into {@code STRICT} (warning TRIGGERCACHE-101), which would measure the wrong thing.
     */
    static void requireModes(JCacheStore store) {
        for (String[] expected : new String[][] {{NearHitService.OFF, "OFF"}, {NearHitService.STRICT, "STRICT"}, {NearHitService.NEAR, "NEAR"}}) {
            NearMode mode = store.nearMode(expected[0]);
            if (store.codec() == null || mode != NearMode.valueOf(expected[1])) {
                throw new IllegalStateException(expected[0] + " is not in mode " + expected[1] + ": " + mode + " in " + store);
            }
        }
    }

    /**
     * Waits (up to 20 s) until {@code NEAR} hits are answered in this JVM: the near tier serves only once the
     * node has heard its own heartbeat back as a cache event. A hit that needs a round trip costs tens of
     * microseconds on Hazelcast and Redis; one in this JVM well under one.
     */
    static void requireLocal(String what, LongFunction<Long> call) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        double perCall = Double.NaN;
        while (System.nanoTime() < deadline) {
            int n = 20_000;
            long start = System.nanoTime();
            long sink = 0;
            for (int i = 0; i < n; i++) {
                sink += call.apply(40 + (i & (KEYS - 1)));
            }
            perCall = (System.nanoTime() - start) / (double) n;
            if (sink == 0) {
                throw new IllegalStateException();
            }
            if (perCall < 3_000) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(what + ": NEAR hits still cost " + Math.round(perCall)
                + " ns per call after 20 s: the near tier is not serving (no cache events?)");
    }

    static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            System.err.println("B7 tear-down: " + e);
        }
    }
}
