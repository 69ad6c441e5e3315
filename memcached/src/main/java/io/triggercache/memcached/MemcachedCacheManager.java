package io.triggercache.memcached;

import io.triggercache.jcache.JCacheStore;
import io.triggercache.memcached.internal.MemcachedCache;
import io.triggercache.memcached.internal.MemcachedCachingProvider;
import io.triggercache.memcached.internal.MemcachedConnection;

import java.net.InetSocketAddress;
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
 * A JCache {@link CacheManager} over memcached servers: the caches are key prefixes on the servers, shared by
 * every manager (every node) built with the same servers and {@linkplain Builder#keyPrefix key prefix}. It
 * offers exactly what {@link JCacheStore}'s shared protocol uses, each operation a memcached command
 * ({@code get}, multi-key {@code get}, {@code set}, {@code add}, {@code gets} + {@code cas}, {@code delete});
 * {@link MemcachedStore} is the store built on it, and the usual way to get one.
 *
 * <p>A cache exists for this manager once created ({@link #createCache}) or, for
 * {@value JCacheStore#TOKEN_CACHE}, from the start: memcached bounds every key by its memory limit
 * ({@code -m}) with LRU eviction, which the token protocol treats as "not current", so the token cache needs no
 * bound of the store's. {@link #destroyCache} deletes a cache's keys on every server (a walk of the servers'
 * keys: maintenance, not a hot path).
 *
 * <p>Thread-safe.
 */
public final class MemcachedCacheManager implements CacheManager {

    /** Connections per server, unless the builder says otherwise. */
    public static final int DEFAULT_CONNECTION_POOL_SIZE = 2;

    /** The largest connection pool the builder accepts. */
    public static final int MAX_CONNECTION_POOL_SIZE = 64;

    /** How long one memcached operation may take before it fails (a store fault), unless the builder says otherwise. */
    public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofMillis(500);

    /** How long connecting to a server may take, unless the builder says otherwise. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);

    /** How often a lost connection is retried, unless the builder says otherwise. */
    public static final Duration DEFAULT_HEAL_INTERVAL = Duration.ofSeconds(1);

    /** The first part of every key, unless the builder says otherwise. */
    public static final String DEFAULT_KEY_PREFIX = "tc";

    private static final Duration MAX_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final MemcachedConnection connection;
    private final URI uri;
    private final ConcurrentMap<String, MemcachedCache> caches = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private MemcachedCacheManager(Builder builder) {
        this.connection = MemcachedConnection.open(builder.servers, builder.poolSize, builder.opTimeout.toMillis(),
                builder.connectTimeout.toMillis(), builder.healInterval.toMillis(), builder.keyPrefix);
        this.uri = URI.create("memcached://" + connection.describe().replace(' ', ',') + "/" + builder.keyPrefix);
    }

    /**
     * A builder over the given servers: {@code host:port} separated by spaces or commas, for instance
     * {@code "10.0.0.1:11211 10.0.0.2:11211"}. Every node must list the same servers (the order does not
     * matter: Ketama places keys by server address).
     *
     * @throws IllegalArgumentException if the list is empty or an entry is not {@code host:port}
     */
    public static Builder builder(String servers) {
        return new Builder(parse(servers));
    }

    static List<InetSocketAddress> parse(String servers) {
        Objects.requireNonNull(servers, "servers");
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String part : servers.trim().split("[\\s,]+")) {
            if (part.isEmpty()) {
                continue;
            }
            int colon = part.lastIndexOf(':');
            if (colon <= 0 || colon == part.length() - 1) {
                throw new IllegalArgumentException("memcached server '" + part + "' is not host:port (in \"" + servers
                        + "\"); list servers as \"host1:11211 host2:11211\"");
            }
            int port;
            try {
                port = Integer.parseInt(part.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("memcached server '" + part + "' has no numeric port", e);
            }
            addresses.add(new InetSocketAddress(part.substring(0, colon), port));
        }
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no memcached server given; list servers as \"host1:11211 host2:11211\"");
        }
        return addresses;
    }

    /** The servers, as {@code host:port} separated by spaces. */
    public String servers() {
        return connection.describe();
    }

    /**
     * How many of the configured servers the client holds a live connection to now: less than
     * {@link #serverCount()} while a server is down or its connection not healed yet (its keys fail meanwhile).
     * For health checks.
     */
    public int connectedServers() {
        return connection.connected().size();
    }

    /** The number of configured servers. */
    public int serverCount() {
        return connection.servers().size();
    }

    @Override
    public CachingProvider getCachingProvider() {
        return MemcachedCachingProvider.INSTANCE;
    }

    /** {@code memcached://host:port,host:port/prefix}. */
    @Override
    public URI getURI() {
        return uri;
    }

    @Override
    public ClassLoader getClassLoader() {
        return MemcachedCacheManager.class.getClassLoader();
    }

    @Override
    public Properties getProperties() {
        return new Properties();
    }

    /**
     * Opens the cache {@code name} for this manager. The configuration is ignored but for its presence: memcached
     * holds strings by value, bounded by the servers' memory.
     *
     * @throws CacheException if this manager has the cache open already
     */
    @Override
    public <K, V, C extends Configuration<K, V>> Cache<K, V> createCache(String name, C configuration) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configuration, "configuration");
        open();
        MemcachedCache created = new MemcachedCache(connection, this, name, this::forget);
        if (caches.putIfAbsent(name, created) != null) {
            throw new CacheException("memcached cache " + name + " is open already on " + uri);
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
        MemcachedCache cache = caches.get(name);
        if (cache == null && JCacheStore.TOKEN_CACHE.equals(name)) {
            cache = caches.computeIfAbsent(name, n -> new MemcachedCache(connection, this, n, this::forget));
        }
        return cast(cache);
    }

    @SuppressWarnings("unchecked")
    private static <K, V> Cache<K, V> cast(MemcachedCache cache) {
        return (Cache<K, V>) (Cache<?, ?>) cache;
    }

    private void forget(MemcachedCache cache) {
        caches.remove(cache.getName(), cache);
    }

    @Override
    public Iterable<String> getCacheNames() {
        open();
        return List.copyOf(caches.keySet());
    }

    /** Deletes the cache's keys on every server and closes it. */
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
        throw new UnsupportedOperationException("memcached caches have no JMX management");
    }

    @Override
    public void enableStatistics(String cacheName, boolean enabled) {
        throw new UnsupportedOperationException("memcached caches have no JCache statistics");
    }

    /** Closes the caches (the data stays on the servers) and shuts the memcached client down. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (MemcachedCache cache : List.copyOf(caches.values())) {
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
        throw new IllegalArgumentException("MemcachedCacheManager does not unwrap to " + type.getName());
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("MemcachedCacheManager " + uri + " is closed");
        }
    }

    @Override
    public String toString() {
        return "MemcachedCacheManager[" + uri + "]";
    }

    /** Options of the memcached client. Not thread-safe; build once. */
    public static final class Builder {

        private final List<InetSocketAddress> servers;
        private int poolSize = DEFAULT_CONNECTION_POOL_SIZE;
        private Duration opTimeout = DEFAULT_OPERATION_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration healInterval = DEFAULT_HEAL_INTERVAL;
        private String keyPrefix = DEFAULT_KEY_PREFIX;

        private Builder(List<InetSocketAddress> servers) {
            this.servers = servers;
        }

        /**
         * Connections per server (xmemcached multiplexes requests over them). Default
         * {@value #DEFAULT_CONNECTION_POOL_SIZE}.
         *
         * @throws IllegalArgumentException if not within 1 to {@value #MAX_CONNECTION_POOL_SIZE}
         */
        public Builder connectionPoolSize(int size) {
            if (size < 1 || size > MAX_CONNECTION_POOL_SIZE) {
                throw new IllegalArgumentException("connectionPoolSize must be within 1 and " + MAX_CONNECTION_POOL_SIZE
                        + ", was " + size);
            }
            this.poolSize = size;
            return this;
        }

        /**
         * How long one operation waits for its answer before it fails; the call then runs uncached (a store
         * fault). Default 500 ms: memcached answers in well under a millisecond on a LAN, and a slow answer must
         * not hold business calls.
         *
         * @throws IllegalArgumentException if not positive or over 30 s
         */
        public Builder operationTimeout(Duration timeout) {
            this.opTimeout = bounded("operationTimeout", timeout);
            return this;
        }

        /**
         * How long connecting to a server may take. Default 1 s.
         *
         * @throws IllegalArgumentException if not positive or over 30 s
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = bounded("connectTimeout", timeout);
            return this;
        }

        /**
         * How often a lost connection is retried; until it is back, operations on that server's keys fail at once.
         * Default 1 s.
         *
         * @throws IllegalArgumentException if not positive or over 30 s
         */
        public Builder healInterval(Duration interval) {
            this.healInterval = bounded("healInterval", interval);
            return this;
        }

        /**
         * The first part of every key, so that several applications (or test runs) can share servers without
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
         * Starts the client. Servers that do not answer yet are retried every heal interval.
         *
         * @throws CacheException if the client cannot start
         */
        public MemcachedCacheManager build() {
            return new MemcachedCacheManager(this);
        }
    }
}
