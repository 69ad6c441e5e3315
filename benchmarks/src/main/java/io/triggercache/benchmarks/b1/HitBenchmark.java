package io.triggercache.benchmarks.b1;

import io.triggercache.Invalidator;
import io.triggercache.benchmarks.support.DependencyService;
import io.triggercache.benchmarks.support.DependentService;
import io.triggercache.benchmarks.support.Engines;
import io.triggercache.benchmarks.support.Item;
import io.triggercache.benchmarks.support.Provider;
import io.triggercache.benchmarks.support.SpringApp;
import io.triggercache.benchmarks.support.WeldApp;
import io.triggercache.engine.TriggerCacheEngine;
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

/**
 * B1, the cost of a hit: a {@code @Cached} call answered from the cache through the real Weld client proxy
 * and interceptor, next to what a user could pick instead, on the same JCache provider in the same run.
 *
 * <ul>
 *   <li>{@code triggercache*}: {@link HitService} in Weld SE, triggercache's store over the provider's
 *       manager (produced as an application bean).</li>
 *   <li>{@code engine*}: the same declaration answered by {@link TriggerCacheEngine#call} directly: the
 *       library's share of a hit, without the container.</li>
 *   <li>{@code rawGet*}: {@code Cache.get} on a cache of the same provider and configuration (the three-argument
 *       variant builds its key object per call, as hand-written caching code must).</li>
 *   <li>{@code springCacheable*}, {@code jsr107CacheResult*}: Spring's {@code @Cacheable} and its JSR-107
 *       {@code @CacheResult} support over {@code JCacheCacheManager} wrapping a manager of the same provider.</li>
 *   <li>{@code triggercacheDeps}: a hit of an entry whose load read {@code deps} other cached values
 *       ({@link DependentService#outer}, each dependency a group of its own), so that the hit also checks those
 *       groups' tokens (I9); {@code deps = 0} is the same method with none, the base of the ratios.</li>
 *   <li>{@code concurrentHashMapGet}, {@code uncachedCallThroughProxy}, {@code noopInterceptorThroughProxy}: the
 *       floor of a lookup, a plain method of the same bean through the same kind of client proxy, and a method
 *       behind an interceptor that only proceeds (the container's share of any interceptor-based cache).</li>
 * </ul>
 * Every hit reads key 42 (boxed from the JVM's small-value cache, so no contender pays a {@code Long}
 * allocation). Run with {@code -prof gc} for bytes per hit, with 1 and 2 threads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HitBenchmark {

    /** The provider under every contender of one run. */
    @State(Scope.Benchmark)
    public static class Choice {
        @Param({"ehcache", "caffeine"})
        public String provider;
    }

    /** The arguments, read from fields so that the JIT cannot fold them. */
    @State(Scope.Thread)
    public static class Call {
        public long id = 42;
        public String lang = "en";
        public int page = 3;
        Object[] oneArgs;
        Object oneKey;

        @Setup
        public void setup() {
            oneArgs = new Object[] {id};
            oneKey = id;
        }
    }

    /** triggercache in Weld SE over the chosen provider. */
    @State(Scope.Benchmark)
    public static class Ours {
        WeldApp app;
        HitService service;

        @Setup(Level.Trial)
        public void start(Choice choice) {
            Provider p = Provider.of(choice.provider);
            app = WeldApp.start(p.newManager("b1-triggercache"), HitService.class);
            service = app.bean(HitService.class);
            for (int i = 0; i < 2; i++) {
                service.one(42);
                service.three(42, "en", 3);
            }
            app.requireHits(HitService.ONE);
            app.requireHits(HitService.THREE);
        }

        @TearDown(Level.Trial)
        public void stop() {
            app.close();
        }
    }

    /**
     * The same as {@link Ours} with triggercache-metrics bound to a Micrometer {@code SimpleMeterRegistry} bean (and
     * its JMX MBeans registered): the meters read the counters when the registry is scraped, so a hit should cost
     * what it costs without them (issue 13).
     */
    @State(Scope.Benchmark)
    public static class OursWithMetrics {
        WeldApp app;
        HitService service;
        io.micrometer.core.instrument.simple.SimpleMeterRegistry registry;

        @Setup(Level.Trial)
        public void start(Choice choice) {
            Provider p = Provider.of(choice.provider);
            registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
            MeterRegistryProducer.current = registry;
            app = WeldApp.start(p.newManager("b1-metrics"), List.of(new io.triggercache.metrics.internal.MetricsExtension()),
                    HitService.class, MeterRegistryProducer.class);
            service = app.bean(HitService.class);
            for (int i = 0; i < 2; i++) {
                service.one(42);
            }
            app.requireHits(HitService.ONE);
            if (registry.find("triggercache.gets").tag("name", HitService.ONE).tag("result", "hit").functionCounter() == null) {
                throw new IllegalStateException("triggercache-metrics bound no triggercache.gets meter for " + HitService.ONE
                        + ": " + registry.getMeters().stream().map(m -> m.getId().toString()).toList());
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            app.close();
            registry.close();
        }
    }

    /** triggercache in Weld SE over the chosen provider, an outer entry with {@code deps} dependencies. */
    @State(Scope.Benchmark)
    public static class Deps {
        @Param({"0", "1", "4", "16"})
        public int deps;

        WeldApp app;
        DependentService service;
        long k;

        @Setup(Level.Trial)
        public void start(Choice choice) {
            Provider p = Provider.of(choice.provider);
            app = WeldApp.start(p.newManager("b1-deps"), DependencyService.class, DependentService.class);
            service = app.bean(DependentService.class);
            k = deps;
            DependentService.warm(service, app.bean(DependencyService.class), app.bean(Invalidator.class), app::statistics, k);
        }

        @TearDown(Level.Trial)
        public void stop() {
            app.close();
        }
    }

    /** The engine alone over the chosen provider. */
    @State(Scope.Benchmark)
    public static class Engine {
        static final TriggerCacheEngine.Loader<Object[]> LOAD_ONE = args -> new Item((Long) args[0], "one");

        CacheManager manager;
        TriggerCacheEngine engine;
        Method one;

        @Setup(Level.Trial)
        public void start(Choice choice) throws Exception {
            manager = Provider.of(choice.provider).newManager("b1-engine");
            one = Engines.method(HitService.class, "one", long.class);
            engine = Engines.over(manager, 10_000, List.of(one));
            Object[] args = {42L};
            engine.call(one, args, LOAD_ONE, args);
            engine.call(one, args, LOAD_ONE, args);
            if (engine.of(HitService.ONE).hits() == 0) {
                throw new IllegalStateException("the engine served no hit after warm-up");
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            engine.close();
            manager.close();
        }
    }

    /** A plain cache of the chosen provider, configured like triggercache's. */
    @State(Scope.Benchmark)
    public static class Raw {
        CacheManager manager;
        Cache<Object, Object> cache;

        @Setup(Level.Trial)
        public void start(Choice choice) {
            Provider p = Provider.of(choice.provider);
            manager = p.newManager("b1-raw");
            cache = p.createCache(manager, "raw", 10_000);
            cache.put(42L, new Item(42, "one"));
            cache.put(new Key3(42, "en", 3), new Item(42, "en3"));
        }

        @TearDown(Level.Trial)
        public void stop() {
            manager.close();
        }
    }

    /** Spring's caching over the chosen provider. */
    @State(Scope.Benchmark)
    public static class Spring {
        SpringApp app;
        SpringHitService cacheable;
        JsrHitService jsr;

        @Setup(Level.Trial)
        public void start(Choice choice) {
            Provider p = Provider.of(choice.provider);
            CacheManager manager = p.newManager("b1-spring");
            for (String name : List.of(SpringHitService.ONE, SpringHitService.THREE, JsrHitService.ONE, JsrHitService.THREE)) {
                p.createCache(manager, name, 10_000);
            }
            app = SpringApp.start(manager, SpringHitService.class, JsrHitService.class);
            cacheable = app.bean(SpringHitService.class);
            jsr = app.bean(JsrHitService.class);
            cacheable.one(42);
            cacheable.three(42, "en", 3);
            jsr.one(42);
            jsr.three(42, "en", 3);
            for (String name : List.of(SpringHitService.ONE, SpringHitService.THREE, JsrHitService.ONE, JsrHitService.THREE)) {
                if (!manager.getCache(name).iterator().hasNext()) {
                    throw new IllegalStateException("Spring stored nothing in " + name + ": its caching is not active");
                }
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            app.close();
        }
    }

    /** The floor: a ConcurrentHashMap holding the entry. */
    @State(Scope.Benchmark)
    public static class Map {
        final ConcurrentHashMap<Object, Object> map = new ConcurrentHashMap<>();

        @Setup(Level.Trial)
        public void fill() {
            map.put(42L, new Item(42, "one"));
        }
    }

    /** A container for the uncached method (the store does not matter: the method is not cached). */
    @State(Scope.Benchmark)
    public static class Container {
        WeldApp app;
        HitService service;

        @Setup(Level.Trial)
        public void start() {
            app = WeldApp.start(null, HitService.class, NoopInterceptor.class);
            service = app.bean(HitService.class);
        }

        @TearDown(Level.Trial)
        public void stop() {
            app.close();
        }
    }

    /** A hand-built key of three parts, as code caching by hand writes it. */
    record Key3(long id, String lang, int page) {
    }

    @Benchmark
    public Object triggercacheOne(Ours ours, Call c) {
        return ours.service.one(c.id);
    }

    @Benchmark
    public Object triggercacheOneWithMetrics(OursWithMetrics ours, Call c) {
        return ours.service.one(c.id);
    }

    @Benchmark
    public Object triggercacheThree(Ours ours, Call c) {
        return ours.service.three(c.id, c.lang, c.page);
    }

    @Benchmark
    public Object triggercacheDeps(Deps d) {
        return d.service.outer(d.k);
    }

    @Benchmark
    public Object engineOne(Engine e, Call c) throws Exception {
        return e.engine.call(e.one, c.oneArgs, Engine.LOAD_ONE, c.oneArgs);
    }

    @Benchmark
    public Object rawGetOne(Raw raw, Call c) {
        return raw.cache.get(c.oneKey);
    }

    @Benchmark
    public Object rawGetThree(Raw raw, Call c) {
        return raw.cache.get(new Key3(c.id, c.lang, c.page));
    }

    @Benchmark
    public Object springCacheableOne(Spring s, Call c) {
        return s.cacheable.one(c.id);
    }

    @Benchmark
    public Object springCacheableThree(Spring s, Call c) {
        return s.cacheable.three(c.id, c.lang, c.page);
    }

    @Benchmark
    public Object jsr107CacheResultOne(Spring s, Call c) {
        return s.jsr.one(c.id);
    }

    @Benchmark
    public Object jsr107CacheResultThree(Spring s, Call c) {
        return s.jsr.three(c.id, c.lang, c.page);
    }

    @Benchmark
    public Object concurrentHashMapGet(Map m, Call c) {
        return m.map.get(c.oneKey);
    }

    @Benchmark
    public Object uncachedCallThroughProxy(Container container, Call c) {
        return container.service.plain(c.id);
    }

    @Benchmark
    public Object noopInterceptorThroughProxy(Container container, Call c) {
        return container.service.intercepted(c.id);
    }
}
