package io.triggercache.benchmarks.b2;

import io.triggercache.benchmarks.model.Author;
import io.triggercache.benchmarks.model.Post;
import io.triggercache.benchmarks.support.Engines;
import io.triggercache.benchmarks.support.Item;
import io.triggercache.benchmarks.support.Provider;
import io.triggercache.engine.TriggerCacheEngine;
import java.lang.reflect.Method;
import java.util.List;
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
 * B2, the cost of the key: hits of {@link KeyService}'s methods answered by the engine directly
 * ({@link TriggerCacheEngine#call}, no container: the container's cost does not depend on the key), next to
 * a {@code Cache.get} of the same provider with a key object built by hand per call. The difference between
 * a pair is what building the key from the declaration costs; {@code byPost} against {@code byPostId} is the
 * price of the property path {@code post.id}.
 *
 * <p>Default provider: Caffeine's JCache, whose cheap {@code get} leaves the key's share most visible
 * ({@code -p provider=ehcache} for the other).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class KeyBenchmark {

    @Param({"caffeine"})
    public String provider;

    /** Loads by calling the real method, as the interceptor's {@code proceed} would. */
    static final class Invoke {
        final Method method;
        final Object[] args;

        Invoke(Method method, Object[] args) {
            this.method = method;
            this.args = args;
        }
    }

    static final KeyService SERVICE = new KeyService();
    static final TriggerCacheEngine.Loader<Invoke> LOADER = i -> i.method.invoke(SERVICE, i.args);

    private CacheManager ourManager;
    private CacheManager rawManager;
    private TriggerCacheEngine engine;
    private Cache<Object, Object> raw;

    Invoke k1;
    Invoke k3;
    Invoke k6;
    Invoke byPost;
    Invoke byPostId;

    // argument values, read from fields so that the JIT cannot fold them
    public long a = 42;
    public String b = "en";
    public int c = 3;
    public long d = 7;
    public String e = "draft";
    public int f = 1;
    public Post post = new Post(42L, "title", new Author(1L, "ann"));

    record Key3(long a, String b, int c) {
    }

    record Key6(long a, String b, int c, long d, String e, int f) {
    }

    @Setup(Level.Trial)
    public void setup() throws Exception {
        Provider p = Provider.of(provider);
        ourManager = p.newManager("b2-triggercache");
        rawManager = p.newManager("b2-raw");
        k1 = new Invoke(Engines.method(KeyService.class, "k1", long.class), new Object[] {a});
        k3 = new Invoke(Engines.method(KeyService.class, "k3", long.class, String.class, int.class), new Object[] {a, b, c});
        k6 = new Invoke(Engines.method(KeyService.class, "k6", long.class, String.class, int.class, long.class, String.class, int.class),
                new Object[] {a, b, c, d, e, f});
        byPost = new Invoke(Engines.method(KeyService.class, "byPost", Post.class), new Object[] {post});
        byPostId = new Invoke(Engines.method(KeyService.class, "byPostId", long.class), new Object[] {post.getId()});
        List<Invoke> all = List.of(k1, k3, k6, byPost, byPostId);
        engine = Engines.over(ourManager, 10_000, all.stream().map(i -> i.method).toList());
        for (Invoke i : all) {
            engine.call(i.method, i.args, LOADER, i);
            engine.call(i.method, i.args, LOADER, i);
        }
        for (String name : engine.names()) {
            if (engine.of(name).hits() == 0) {
                throw new IllegalStateException(name + " served no hit after warm-up");
            }
        }
        raw = p.createCache(rawManager, "raw", 10_000);
        raw.put(a, new Item(a, "k1"));
        raw.put(new Key3(a, b, c), new Item(a, "k3"));
        raw.put(new Key6(a, b, c, d, e, f), new Item(a, "k6"));
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
        ourManager.close();
        rawManager.close();
    }

    @Benchmark
    public Object parts1Triggercache() throws Exception {
        return engine.call(k1.method, k1.args, LOADER, k1);
    }

    @Benchmark
    public Object parts1HandBuilt() {
        return raw.get(a);
    }

    @Benchmark
    public Object parts3Triggercache() throws Exception {
        return engine.call(k3.method, k3.args, LOADER, k3);
    }

    @Benchmark
    public Object parts3HandBuilt() {
        return raw.get(new Key3(a, b, c));
    }

    @Benchmark
    public Object parts6Triggercache() throws Exception {
        return engine.call(k6.method, k6.args, LOADER, k6);
    }

    @Benchmark
    public Object parts6HandBuilt() {
        return raw.get(new Key6(a, b, c, d, e, f));
    }

    @Benchmark
    public Object suffixPathTriggercache() throws Exception {
        return engine.call(byPost.method, byPost.args, LOADER, byPost);
    }

    @Benchmark
    public Object suffixArgumentTriggercache() throws Exception {
        return engine.call(byPostId.method, byPostId.args, LOADER, byPostId);
    }

    @Benchmark
    public Object suffixHandBuilt() {
        return raw.get(post.getId());
    }
}
