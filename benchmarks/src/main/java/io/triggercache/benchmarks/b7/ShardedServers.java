package io.triggercache.benchmarks.b7;

import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.triggercache.jcache.NearMode;
import io.triggercache.jcache.SerializationCodec;
import io.triggercache.memcached.MemcachedServers;
import io.triggercache.memcached.MemcachedStore;
import io.triggercache.rediscluster.RedisClusterNodes;
import io.triggercache.rediscluster.RedisClusterStore;
import io.triggercache.spi.CacheStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import net.rubyeye.xmemcached.MemcachedClient;
import net.rubyeye.xmemcached.XMemcachedClientBuilder;
import net.rubyeye.xmemcached.exception.MemcachedException;
import net.rubyeye.xmemcached.impl.KetamaMemcachedSessionLocator;
import net.rubyeye.xmemcached.utils.AddrUtil;

/**
 * The servers of B7's sharded stores, started by the benchmark on free loopback ports and stopped after it, with the
 * test helpers of the two store modules (their test-jars): 3 memcached servers ({@code /usr/bin/memcached},
 * {@link MemcachedServers}), or a Redis Cluster of 3 masters and 3 replicas ({@code redis-server --cluster-enabled
 * yes} joined with {@code redis-cli --cluster create}, {@link RedisClusterNodes}; never port 6379). Each
 * {@link #store()} is an application node's store with its own client; {@link #raw()} is the plain client of the same
 * servers, for the raw {@code get} anchor.
 */
final class ShardedServers implements AutoCloseable {

    /** The stores by the names the JMH parameter uses. */
    enum Kind {
        MEMCACHED, REDISCLUSTER;

        static Kind of(String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** A plain client's single-key reads and writes of strings. */
    interface RawClient extends AutoCloseable {
        String get(String key);

        void set(String key, String value);

        @Override
        void close();
    }

    private final Kind kind;
    private MemcachedServers memcached;
    private RedisClusterNodes redis;

    private ShardedServers(Kind kind) {
        this.kind = kind;
    }

    /**
     * Starts the servers of {@code store} ("memcached" or "rediscluster").
     *
     * @throws IllegalStateException if the server binaries are missing (run.sh skips these contenders then)
     */
    static ShardedServers start(String store) {
        ShardedServers s = new ShardedServers(Kind.of(store));
        String missing = missingBinary(s.kind);
        if (missing != null) {
            throw new IllegalStateException("B7 " + store + ": " + missing + " not found; install it (Debian: apt-get install "
                    + (s.kind == Kind.MEMCACHED ? "memcached" : "redis-server") + "), or leave " + store + " out");
        }
        switch (s.kind) {
            case MEMCACHED -> s.memcached = MemcachedServers.start(3);
            case REDISCLUSTER -> s.redis = RedisClusterNodes.start(5_000);
        }
        return s;
    }

    /** The first binary the store's servers need that is not on this machine, or {@code null}. */
    static String missingBinary(Kind kind) {
        List<String> needed = kind == Kind.MEMCACHED ? List.of("/usr/bin/memcached") : List.of("/usr/bin/redis-server", "/usr/bin/redis-cli");
        return needed.stream().filter(b -> !Files.isExecutable(Path.of(b))).findFirst().orElse(null);
    }

    Kind kind() {
        return kind;
    }

    /** {@code host:port} of the servers (memcached) or the seed nodes (Redis Cluster), separated by spaces. */
    String addresses() {
        return kind == Kind.MEMCACHED ? memcached.addresses() : redis.addresses();
    }

    /**
     * A store as an application node builds it, with a client of its own: the codec allowing the value, {@code STRICT}
     * by default, {@code OFF} for {@link NearHitService#OFF}. Neither store offers {@code NEAR} (no change events they
     * could trust: the modules' READMEs); both serve it as {@code STRICT}.
     */
    CacheStore store() {
        SerializationCodec codec = SerializationCodec.builder().allow(Title.class).build();
        return switch (kind) {
            case MEMCACHED -> MemcachedStore.builder(addresses()).codec(codec).near(NearMode.STRICT)
                    .near(NearHitService.OFF, NearMode.OFF).near(NearHitService.STRICT, NearMode.STRICT).build();
            case REDISCLUSTER -> RedisClusterStore.builder(addresses()).codec(codec).near(NearMode.STRICT)
                    .near(NearHitService.OFF, NearMode.OFF).near(NearHitService.STRICT, NearMode.STRICT).build();
        };
    }

    /** The near mode a region got in {@code store}. */
    static NearMode nearMode(CacheStore store, String region) {
        if (store instanceof MemcachedStore m) {
            return m.nearMode(region);
        }
        return ((RedisClusterStore) store).nearMode(region);
    }

    /**
     * The plain client of these servers: xmemcached with the store's client settings (Ketama, failure mode, 2
     * connections per server; a longer timeout), or Lettuce's {@code RedisClusterClient} with one cluster connection
     * (its defaults).
     */
    RawClient raw() {
        return kind == Kind.MEMCACHED ? rawMemcached() : rawRedisCluster();
    }

    private RawClient rawMemcached() {
        XMemcachedClientBuilder builder = new XMemcachedClientBuilder(AddrUtil.getAddresses(addresses()));
        builder.setSessionLocator(new KetamaMemcachedSessionLocator());
        builder.setFailureMode(true);
        builder.setConnectionPoolSize(2);
        // 5 s, not the store's 500 ms: the anchor must not abort the run on one stall of this loaded machine (a store
        // read that times out is a fault the engine absorbs, a raw one would end the benchmark)
        builder.setOpTimeout(5_000);
        MemcachedClient client;
        try {
            client = builder.build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the raw xmemcached client: " + e, e);
        }
        return new RawClient() {
            @Override
            public String get(String key) {
                try {
                    return client.get(key);
                } catch (TimeoutException | InterruptedException | MemcachedException e) {
                    throw new IllegalStateException("raw memcached get: " + e, e);
                }
            }

            @Override
            public void set(String key, String value) {
                try {
                    client.set(key, 0, value);
                } catch (TimeoutException | InterruptedException | MemcachedException e) {
                    throw new IllegalStateException("raw memcached set: " + e, e);
                }
            }

            @Override
            public void close() {
                try {
                    client.shutdown();
                } catch (IOException e) {
                    System.err.println("B7: raw memcached client shut down: " + e);
                }
            }
        };
    }

    private RawClient rawRedisCluster() {
        List<RedisURI> seeds = Arrays.stream(addresses().split(" "))
                .map(a -> RedisURI.create("redis://" + a)).toList();
        RedisClusterClient client = RedisClusterClient.create(seeds);
        StatefulRedisClusterConnection<String, String> connection = client.connect();
        RedisAdvancedClusterCommands<String, String> commands = connection.sync();
        return new RawClient() {
            @Override
            public String get(String key) {
                return commands.get(key);
            }

            @Override
            public void set(String key, String value) {
                commands.set(key, value);
            }

            @Override
            public void close() {
                closeQuietly(connection);
                client.shutdown();
            }
        };
    }

    private static void closeQuietly(StatefulConnection<?, ?> connection) {
        try {
            connection.close();
        } catch (RuntimeException e) {
            System.err.println("B7: closing the raw Lettuce connection: " + e);
        }
    }

    /** Stops every server (and deletes Redis Cluster's directory). Never throws: it runs in JMH's tear-down. */
    @Override
    public void close() {
        try {
            if (memcached != null) {
                memcached.close();
            }
            if (redis != null) {
                redis.close();
            }
        } catch (RuntimeException e) {
            System.err.println("B7: stopping the " + kind + " servers: " + e);
        }
    }
}
