package io.triggercache.benchmarks.b7;

import io.triggercache.MethodStatistics;
import io.triggercache.benchmarks.support.Engines;
import io.triggercache.engine.TriggerCacheEngine;
import io.triggercache.jcache.NearMode;
import io.triggercache.spi.CacheStore;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * B7 on the sharded stores (issue 15): one hit answered by {@link TriggerCacheEngine#call} over
 * {@code MemcachedStore} (3 memcached servers, Ketama) or {@code RedisClusterStore} (a Redis Cluster of 3 masters and
 * 3 replicas), servers the benchmark starts on loopback ports and stops after ({@link ShardedServers}), next to the
 * raw client's {@code get} of one key of the same servers in the same run: xmemcached's {@code get}, Lettuce's
 * cluster {@code GET}.
 *
 * <ul>
 *   <li>{@code strictEngine}: a {@code STRICT} hit: the decoded entry is on the node, its group token and its
 *       region's epoch are read from the servers (one multi-key read of the pair: the modules' READMEs).</li>
 *   <li>{@code offEngine}: an {@code OFF} hit: the entry is read and decoded, plus the two tokens.</li>
 *   <li>{@code rawGet}: the plain client's {@code get} of one present key holding a string of an encoded entry's size
 *       (the {@value NearHitBenchmark#KEYS} keys in turn, each call one key).</li>
 * </ul>
 * {@code NEAR} has no row: neither store offers it (memcached has no change events; Redis Cluster's keyspace
 * notifications are per node and lost across a failover), both serve it as {@code STRICT}. As in
 * {@link NearHitBenchmark}, a second application node (an engine over its own store and client) loads every key
 * first, so node 0's first hits decode what another node stored and both nodes' heartbeats run; every contender
 * reads the same {@value NearHitBenchmark#KEYS} keys in turn (each on the shard its key hashes to), and each set-up
 * fails unless the calls are hits in the modes asked for. The engine alone, not through Weld: the container adds
 * 150-300 ns (B1) to hits that cost tens of microseconds here.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ShardedHitBenchmark {

    /** The servers: started per trial, stopped after it. run.sh leaves a store out when its binaries are missing. */
    @State(Scope.Benchmark)
    public static class Servers {
        @Param({"memcached", "rediscluster"})
        public String store;

        ShardedServers servers;

        @Setup(Level.Trial)
        public void start() {
            servers = ShardedServers.start(store);
        }

        @TearDown(Level.Trial)
        public void stop() {
            servers.close();
        }
    }

    /** Two application nodes (engines over stores with clients of their own); node 0 is measured. */
    @State(Scope.Benchmark)
    public static class Nodes {
        TriggerCacheEngine engine;
        TriggerCacheEngine peer;
        Method off;
        Method strict;

        @Setup(Level.Trial)
        public void start(Servers servers) throws Exception {
            off = Engines.method(NearHitService.class, "off", long.class);
            strict = Engines.method(NearHitService.class, "strict", long.class);
            List<Method> methods = List.of(off, strict);
            peer = Engines.over(servers.servers.store(), true, NearHitBenchmark.MAX_ENTRIES, methods);
            for (Method m : methods) {
                for (int i = 0; i < NearHitBenchmark.KEYS; i++) {
                    Object[] args = {40L + i};
                    peer.call(m, args, NearHitBenchmark.Cluster::load, args);
                }
            }
            CacheStore store = servers.servers.store();
            engine = Engines.over(store, true, NearHitBenchmark.MAX_ENTRIES, methods);
            for (int round = 0; round < 3; round++) {
                for (Method m : methods) {
                    for (int i = 0; i < NearHitBenchmark.KEYS; i++) {
                        Object[] args = {40L + i};
                        engine.call(m, args, NearHitBenchmark.Cluster::load, args);
                    }
                }
            }
            for (String name : List.of(NearHitService.OFF, NearHitService.STRICT)) {
                MethodStatistics s = engine.of(name);
                // every call of node 0 a hit of what node 1 loaded: no load, no store fault
                if (s.hits() != 3L * NearHitBenchmark.KEYS || s.loads() != 0 || s.errors() != 0) {
                    throw new IllegalStateException(name + " on " + servers.store + " is not all hits after warm-up: " + s);
                }
            }
            if (ShardedServers.nearMode(store, NearHitService.STRICT) != NearMode.STRICT
                    || ShardedServers.nearMode(store, NearHitService.OFF) != NearMode.OFF) {
                throw new IllegalStateException("the regions are not in the modes asked for on " + servers.store + ": " + store);
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            NearHitBenchmark.quietly(() -> engine.close());
            NearHitBenchmark.quietly(() -> peer.close());
        }
    }

    /** The plain client of the same servers, holding {@value NearHitBenchmark#KEYS} encoded-entry-sized strings. */
    @State(Scope.Benchmark)
    public static class Raw {
        ShardedServers.RawClient client;

        @Setup(Level.Trial)
        public void start(Servers servers) {
            client = servers.servers.raw();
            String value = "x".repeat(128);
            for (int i = 0; i < NearHitBenchmark.KEYS; i++) {
                client.set(NearHitBenchmark.rawKey(i), value + i);
            }
            for (int i = 0; i < NearHitBenchmark.KEYS; i++) {
                if (!(value + i).equals(client.get(NearHitBenchmark.rawKey(i)))) {
                    throw new IllegalStateException("the raw client does not read back key " + i + " on " + servers.store);
                }
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            client.close();
        }
    }

    // ------------------------------------------------------------------ the contenders

    @Benchmark
    public Object strictEngine(Nodes n, NearHitBenchmark.Call c) throws Exception {
        Object[] args = c.args[c.next()];
        return n.engine.call(n.strict, args, NearHitBenchmark.Cluster::load, args);
    }

    @Benchmark
    public Object offEngine(Nodes n, NearHitBenchmark.Call c) throws Exception {
        Object[] args = c.args[c.next()];
        return n.engine.call(n.off, args, NearHitBenchmark.Cluster::load, args);
    }

    @Benchmark
    public Object rawGet(Raw raw, NearHitBenchmark.Call c) {
        return raw.client.get(c.rawKeys[c.next()]);
    }
}
