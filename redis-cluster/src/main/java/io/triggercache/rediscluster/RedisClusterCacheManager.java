package io.triggercache.rediscluster;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;

import io.triggercache.jcache.JCacheStore;
import io.triggercache.rediscluster.internal.RedisClusterCache;
import io.triggercache.rediscluster.internal.RedisClusterCachingProvider;
import io.triggercache.rediscluster.internal.RedisClusterConnection;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.Configuration;
import javax.cache.spi.CachingProvider;

/**
 * A JCache {@link CacheManager} over a Redis Cluster: the caches are key prefixes, one Redis key per entry, shared
 * by every manager (every node) built with the same cluster and {@linkplain Builder#keyPrefix key prefix}. It
 * offers exactly what {@link JCacheStore}'s shared protocol uses, each operation one Redis command on the master
 * that owns the key's slot ({@code GET}, {@code MGET} split by slot, {@code SET}, {@code SET NX}, {@code SET XX},
 * {@code DEL}, single-key {@code EVAL} for compare-and-set and compare-and-delete); {@link RedisClusterStore} is the
 * store built on it, and the usual way to get one.
 *
 * <p>A cache exists for this manager once created ({@link #createCache}) or, for {@value JCacheStore#TOKEN_CACHE},
 * from the start: Redis bounds every key by its {@code maxmemory} and eviction policy, which the token protocol
 * treats as "not current". {@link #destroyCache} deletes a cache's keys on every master ({@code SCAN}: maintenance,
 * not a hot path).
 *
 * <p>Thread-safe.
 */
public final class RedisClusterCacheManager implements CacheManager {

    /** How long one command may take before it fails (a store fault), unless the builder says otherwise. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(500);

    /** How long connecting to a node may take, unless the builder says otherwise. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);

    /** How often the cluster topology is read again, besides the refreshes redirects and reconnects trigger. */
    public static final Duration DEFAULT_TOPOLOGY_REFRESH = Duration.ofSeconds(5);

    /** How many replicas must acknowledge a token write, unless the builder says otherwise. */
    public static final int DEFAULT_REPLICA_ACKS = 1;

    /** The first part of every key, unless the builder says otherwise. */
    public static final String DEFAULT_KEY_PREFIX = "tc";

    private static final Duration MAX_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final RedisClusterConnection connection;
    private final URI uri;
    private final ConcurrentMap<String, RedisClusterCache> caches = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private RedisClusterCacheManager(Builder builder) {
        this.connection = RedisClusterConnection.open(builder.seeds, builder.commandTimeout, builder.connectTimeout,
                builder.topologyRefresh, builder.replicaAcks, builder.keyPrefix);
        this.uri = URI.create("redis-cluster://" + connection.describe().replace(' ', ',') + "/" + builder.keyPrefix);
    }

    /**
     * A builder over the cluster reached through the given seed nodes: {@code host:port} separated by spaces or
     * commas, for instance {@code "10.0.0.1:7000 10.0.0.2:7000"}. One answering seed is enough; the client learns
     * every other node from the cluster's topology.
     *
     * @throws IllegalArgumentException if the list is empty or an entry is not {@code host:port}
     */
    public static Builder builder(String seedNodes) {
        return new Builder(parse(seedNodes));
    }

    static List<RedisURI> parse(String seeds) {
        Objects.requireNonNull(seeds, "seedNodes");
        List<RedisURI> uris = new ArrayList<>();
        for (String part : seeds.trim().split("[\\s,]+")) {
            if (part.isEmpty()) {
                continue;
            }
            int colon = part.lastIndexOf(':');
            if (colon <= 0 || colon == part.length() - 1) {
                throw new IllegalArgumentException("Redis Cluster node '" + part + "' is not host:port (in \"" + seeds
                        + "\"); list seed nodes as \"host1:7000 host2:7000\"");
            }
            int port;
            try {
                port = Integer.parseInt(part.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Redis Cluster node '" + part + "' has no numeric port", e);
            }
            uris.add(RedisURI.create(part.substring(0, colon), port));
        }
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("no Redis Cluster node given; list seed nodes as \"host1:7000 host2:7000\"");
        }
        return uris;
    }

    /** The seed nodes, as {@code host:port} separated by spaces. */
    public String seedNodes() {
        return connection.describe();
    }

    /**
     * The masters that own slots now, as {@code host:port}, as this client's view of the topology has them (it is
     * read again periodically and on redirects). For health checks and tests.
     */
    public List<String> masters() {
        List<String> masters = new ArrayList<>();
        for (RedisClusterNode node : connection.masters()) {
            masters.add(node.getUri().getHost() + ":" + node.getUri().getPort());
        }
        return masters;
    }

    /** Reads the cluster's topology again now (the client also does it periodically and on redirects). */
    public void refreshTopology() {
        connection.refreshTopology();
    }

    @Override
    public CachingProvider getCachingProvider() {
        return RedisClusterCachingProvider.INSTANCE;
    }

    /** {@code redis-cluster://host:port,host:port/prefix}. */
    @Override
    public URI getURI() {
        return uri;
    }

    @Override
    public ClassLoader getClassLoader() {
        return RedisClusterCacheManager.class.getClassLoader();
    }

    @Override
    public Properties getProperties() {
        return new Properties();
    }

    /**
     * Opens the cache {@code name} for this manager. The configuration is ignored but for its presence: Redis holds
     * strings by value, bounded by the nodes' {@code maxmemory}.
     *
     * @throws CacheException if this manager has the cache open already
     */
    @Override
    public <K, V, C extends Configuration<K, V>> Cache<K, V> createCache(String name, C configuration) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configuration, "configuration");
        open();
        RedisClusterCache created = new RedisClusterCache(connection, this, name, this::forget);
        if (caches.putIfAbsent(name, created) != null) {
            throw new CacheException("Redis Cluster cache " + name + " is open already on " + uri);
        }
        return cast(created);
    }

    @Override
    public <K, V> Cache<K, V> getCache(String name, Class<K> keyType, Class<V> valueType) {
        return getCache(name);
    }

    /** The cache, if this manager has it open ({@value JCacheStore#TOKEN_CACHE} always is), else {@code null}. */
    @Override
    public <K, V> Cache<K, V> getCache(String name) {
        Objects.requireNonNull(name, "name");
        open();
        RedisClusterCache cache = caches.get(name);
        if (cache == null && JCacheStore.TOKEN_CACHE.equals(name)) {
            cache = caches.computeIfAbsent(name, n -> new RedisClusterCache(connection, this, n, this::forget));
        }
        return cast(cache);
    }

    @SuppressWarnings("unchecked")
    private static <K, V> Cache<K, V> cast(RedisClusterCache cache) {
        return (Cache<K, V>) (Cache<?, ?>) cache;
    }

    private void forget(RedisClusterCache cache) {
        caches.remove(cache.getName(), cache);
    }

    @Override
    public Iterable<String> getCacheNames() {
        open();
        return List.copyOf(caches.keySet());
    }

    /** Deletes the cache's keys on every master and closes it. */
    @Override
    public void destroyCache(String name) {
        Cache<Object, Object> cache = getCache(name);
        if (cache != null) {
            try {
                cache.clear();
            } finally {
                cache.close();
            }
        }
    }

    @Override
    public void enableManagement(String cacheName, boolean enabled) {
        throw new UnsupportedOperationException("Redis Cluster caches have no JMX management");
    }

    @Override
    public void enableStatistics(String cacheName, boolean enabled) {
        throw new UnsupportedOperationException("Redis Cluster caches have no JCache statistics");
    }

    /** Closes the caches (the data stays in Redis) and shuts the Lettuce client down. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (RedisClusterCache cache : List.copyOf(caches.values())) {
            cache.close();
        }
        connection.close();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new IllegalArgumentException("RedisClusterCacheManager does not unwrap to " + type.getName());
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("RedisClusterCacheManager " + uri + " is closed");
        }
    }

    @Override
    public String toString() {
        return "RedisClusterCacheManager[" + uri + "]";
    }

    /** Options of the Redis Cluster client. Not thread-safe; build once. */
    public static final class Builder {

        private final List<RedisURI> seeds;
        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration topologyRefresh = DEFAULT_TOPOLOGY_REFRESH;
        private int replicaAcks = DEFAULT_REPLICA_ACKS;
        private String keyPrefix = DEFAULT_KEY_PREFIX;

        private Builder(List<RedisURI> seeds) {
            this.seeds = seeds;
        }

        /**
         * How long one command waits for its answer before it fails; the call then runs uncached (a store fault).
         * Also bounds the {@code WAIT} for a replica after a token write. Default 500 ms.
         *
         * @throws IllegalArgumentException if not positive or over 30 s
         */
        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = bounded("commandTimeout", timeout);
            return this;
        }

        /**
         * How long connecting to a node may take. Default 1 s.
         *
         * @throws IllegalArgumentException if not positive or over 30 s
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = bounded("connectTimeout", timeout);
            return this;
        }

        /**
         * How often the topology is read again in any case; redirects ({@code MOVED}, {@code ASK}) and persistent
         * reconnects trigger a refresh at once. A failed-over master's slots are found at the latest one period after
         * the cluster promoted its replica. Default 5 s.
         *
         * @throws IllegalArgumentException if not positive or over 30 s
         */
        public Builder topologyRefresh(Duration period) {
            this.topologyRefresh = bounded("topologyRefresh", period);
            return this;
        }

        /**
         * How many replicas must acknowledge each token write ({@code WAIT}) before it counts as done; only the
         * master's live replicas are waited for. {@code 0} turns the wait off: a drop acknowledged by a master that
         * fails before its replica copied it is then lost, and entries stored before it may become current again on
         * the promoted replica. Default {@value #DEFAULT_REPLICA_ACKS}.
         *
         * @throws IllegalArgumentException if negative or over 16
         */
        public Builder replicaAcks(int replicas) {
            if (replicas < 0 || replicas > 16) {
                throw new IllegalArgumentException("replicaAcks must be within 0 and 16, was " + replicas);
            }
            this.replicaAcks = replicas;
            return this;
        }

        /**
         * The first part of every key, so that several applications (or test runs) can share a cluster without
         * meeting: nodes of one application use the same prefix. Default {@value #DEFAULT_KEY_PREFIX}.
         *
         * @throws IllegalArgumentException if not 1 to 64 of {@code [A-Za-z0-9_.-]}
         */
        public Builder keyPrefix(String prefix) {
            Objects.requireNonNull(prefix, "prefix");
            if (!PREFIX.matcher(prefix).matches()) {
                throw new IllegalArgumentException("keyPrefix must be 1 to 64 of [A-Za-z0-9_.-], was '" + prefix + "'");
            }
            this.keyPrefix = prefix;
            return this;
        }

        private static Duration bounded(String what, Duration value) {
            Objects.requireNonNull(value, what);
            if (value.isNegative() || value.isZero() || value.compareTo(MAX_TIMEOUT) > 0) {
                throw new IllegalArgumentException(what + " must be positive and at most " + MAX_TIMEOUT.toSeconds()
                        + " s, was " + value);
            }
            return value;
        }

        /**
         * Connects to the cluster and reads its topology.
         *
         * @throws CacheException if no seed node answers
         */
        public RedisClusterCacheManager build() {
            return new RedisClusterCacheManager(this);
        }
    }
}
