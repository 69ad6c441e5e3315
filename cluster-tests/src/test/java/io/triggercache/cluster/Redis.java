package io.triggercache.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.triggercache.jcache.JCacheStore;

import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;

import org.redisson.jcache.JCachingProvider;

/**
 * Redisson JCache managers over a Redis on 127.0.0.1, configured the way docs/cluster.md recommends:
 * {@code StringCodec} (the store only ever stores strings, and Redisson never deserializes a class from
 * Redis), small pools, quick timeouts and retries so that an outage surfaces as fast store faults.
 */
final class Redis {

    /** The machine's shared Redis ({@code -Pservices}); the tests only create and destroy their own caches in it. */
    static final int SHARED_PORT = 6379;

    /**
     * The database of the shared Redis the tests use, apart from other users' default database: 3, or
     * {@code -Dtriggercache.cluster.redis.database}.
     */
    static final int DATABASE = Integer.getInteger("triggercache.cluster.redis.database", 3);

    private Redis() {
    }

    /** A configuration file for Redisson's JCache provider: its URI is the manager's URI. */
    static URI configuration(int port) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "redisson"));
            Path file = directory.resolve("redisson-" + port + "-" + UUID.randomUUID() + ".yaml");
            Files.writeString(file, """
                    singleServerConfig:
                      address: "redis://127.0.0.1:%d"
                      database: %d
                      connectionMinimumIdleSize: 2
                      connectionPoolSize: 8
                      subscriptionConnectionMinimumIdleSize: 1
                      subscriptionConnectionPoolSize: 4
                      connectTimeout: 1000
                      timeout: 1000
                      retryAttempts: 1
                      retryInterval: 200
                      pingConnectionInterval: 1000
                    codec: !<org.redisson.client.codec.StringCodec> {}
                    threads: 4
                    nettyThreads: 8
                    """.formatted(port, DATABASE));
            return file.toAbsolutePath().toUri();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static org.redisson.api.RedissonClient admin;

    /** Empties the tests' database of the shared Redis (test caches only; other databases are not touched). */
    static synchronized void emptyTestDatabase() {
        if (admin == null) {
            try {
                admin = org.redisson.Redisson.create(org.redisson.config.Config.fromYAML(configuration(SHARED_PORT).toURL()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            org.redisson.api.RedissonClient client = admin;
            Runtime.getRuntime().addShutdownHook(new Thread(client::shutdown));
        }
        admin.getKeys().flushdb();
    }

    /**
     * A manager of its own (its own provider, so its own Redisson client: another node), with the token cache
     * created by the application, as docs/store.md says for Redisson (whose JCache caches have no size bound,
     * so the store refuses to create it): the tests' bound is the test database's.
     */
    static CacheManager manager(URI configuration) {
        return withTokenCache(new JCachingProvider().getCacheManager(configuration, Redis.class.getClassLoader()));
    }

    /** Creates {@value JCacheStore#TOKEN_CACHE} in the manager unless it is there. */
    static CacheManager withTokenCache(CacheManager manager) {
        if (manager.getCache(JCacheStore.TOKEN_CACHE) == null) {
            try {
                manager.createCache(JCacheStore.TOKEN_CACHE, new MutableConfiguration<Object, Object>());
            } catch (CacheException raced) {
                // another client created it meanwhile
            }
        }
        return manager;
    }
}
