package io.triggercache.memcached;

import io.triggercache.jcache.JCacheStore;
import io.triggercache.jcache.NearMode;
import io.triggercache.jcache.SerializationCodec;
import io.triggercache.jcache.StoreCodec;
import io.triggercache.jcache.TokenPlacement;
import io.triggercache.spi.CacheStore;
import io.triggercache.spi.Region;
import io.triggercache.spi.RegionSpec;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link CacheStore} over memcached servers: entries and group tokens on the servers, shared by every node
 * built with the same servers and key prefix, kept exact across nodes by memcached's own atomic commands.
 *
 * <h2>Protocol</h2>
 * The shared store protocol of {@link JCacheStore} (the one the Hazelcast, Infinispan and Redis stores run),
 * on the JCache view {@link MemcachedCacheManager}, whose every operation is one memcached command:
 * <ul>
 *   <li>a group token or a region epoch that does not exist yet is created with {@code add}, so that
 *       concurrent first loads on several nodes agree on one token; an invalidation {@code set}s a fresh
 *       random token, stamped with its time;</li>
 *   <li>a load lease (one load per key across the nodes, the others wait for its entry) is taken with
 *       {@code add}, taken over from an expired holder with {@code gets} + {@code cas}, released with
 *       {@code gets} + {@code delete} with the cas unique: only the holder's own lease is ever removed;</li>
 *   <li>the heartbeat roster that lets a node serve only while no peer owes a drop is updated with
 *       {@code gets} + {@code cas};</li>
 *   <li>a {@link NearMode#STRICT} hit reads the entry's group token and its region's epoch; an entry with
 *       dependencies reads all its tokens in one multi-key {@code get}.</li>
 * </ul>
 * Keys are placed with Ketama consistent hashing: losing one of N servers loses about 1/N of the keys, and
 * never moves a key to another server (see {@link MemcachedCacheManager} and the module's README: moving keys
 * on failure is what makes a returning server serve old tokens).
 *
 * <h2>Values</h2>
 * Values reach memcached only as bytes of the {@link StoreCodec}: {@link SerializationCodec#defaults()} unless
 * {@link Builder#codec} gives one, so the codec's allow-list and limits decide every class a node decodes from
 * the servers, as on the other shared stores. The memcached client itself stores and reads strings only.
 *
 * <h2>Near tier</h2>
 * {@link NearMode#STRICT} (the default) keeps decoded entries on each node and validates every hit against the
 * servers; {@link NearMode#OFF} keeps none. {@link NearMode#NEAR} needs change events from the shared caches,
 * which memcached does not have (no publish/subscribe, no keyspace notifications, no listeners): it is served
 * as {@code STRICT}.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * CacheStore store = MemcachedStore.builder("10.0.0.1:11211 10.0.0.2:11211 10.0.0.3:11211")
 *         .codec(SerializationCodec.builder().allow(PostView.class).build())
 *         .build();
 * }</pre>
 *
 * <p>Thread-safe. Memcached failures (a timeout, a server down) surface as {@link javax.cache.CacheException}s:
 * store faults, after which the engine runs the method uncached.
 */
public final class MemcachedStore implements CacheStore {

    private final MemcachedCacheManager manager;
    private final JCacheStore store;

    private MemcachedStore(Builder builder) {
        MemcachedCacheManager built = builder.servers.build();
        try {
            JCacheStore.Builder options = JCacheStore.builder(built)
                    .tokens(TokenPlacement.SHARED)
                    .codec(builder.codec != null ? builder.codec : SerializationCodec.defaults())
                    .near(strictForNear(builder.near));
            builder.nearByName.forEach((name, mode) -> options.near(name, strictForNear(mode)));
            if (builder.leasePeriod != null) {
                options.leasePeriod(builder.leasePeriod);
            }
            if (builder.heartbeat != null) {
                options.heartbeat(builder.heartbeat);
            }
            if (builder.peerTimeout != null) {
                options.peerTimeout(builder.peerTimeout);
            }
            if (builder.clockMargin != null) {
                options.clockMargin(builder.clockMargin);
            }
            this.store = options.build();
            this.manager = built;
        } catch (RuntimeException e) {
            built.close();
            throw e;
        }
    }

    private static NearMode strictForNear(NearMode mode) {
        return mode == NearMode.NEAR ? NearMode.STRICT : mode;
    }

    /**
     * A builder of a store over the given servers: {@code host:port} separated by spaces or commas.
     *
     * @throws IllegalArgumentException if the list is empty or an entry is not {@code host:port}
     */
    public static Builder builder(String servers) {
        return new Builder(MemcachedCacheManager.builder(servers));
    }

    /**
     * Opens the region of one cached method; see {@link JCacheStore#region}.
     *
     * @throws IllegalArgumentException if {@code spec.maxEntries()} is not positive, or the name is already open
     *                                  on another cache
     * @throws IllegalStateException    if the store is closed
     */
    @Override
    public Region region(RegionSpec spec) {
        return store.region(spec);
    }

    /**
     * Makes every entry of this store's regions not current (their epochs are replaced), then deletes the
     * entries' keys on every server (a walk of each server's keys: maintenance, not for a request path).
     */
    @Override
    public void clear() {
        store.clear();
    }

    /** Stops the heartbeat, closes the caches and shuts the memcached client down; the data stays on the servers. */
    @Override
    public void close() {
        try {
            store.close();
        } finally {
            manager.close();
        }
    }

    /** The near mode a region of this name got or would get ({@code NEAR} is served as {@code STRICT}). */
    public NearMode nearMode(String regionName) {
        return store.nearMode(regionName);
    }

    /** The codec of the values. */
    public StoreCodec codec() {
        return store.codec();
    }

    /** The servers, as {@code host:port} separated by spaces. */
    public String servers() {
        return manager.servers();
    }

    /**
     * How many of the configured servers the client holds a live connection to now; while it is less than
     * {@link #serverCount()}, the keys of the missing servers fail (the calls needing them run uncached). For
     * health checks.
     */
    public int connectedServers() {
        return manager.connectedServers();
    }

    /** The number of configured servers. */
    public int serverCount() {
        return manager.serverCount();
    }

    @Override
    public String toString() {
        return "MemcachedStore[" + manager.getURI() + ", codec " + store.codec() + ", near "
                + store.nearMode("") + "]";
    }

    /** Options of a {@link MemcachedStore}. Not thread-safe; build once. */
    public static final class Builder {

        private final MemcachedCacheManager.Builder servers;
        private StoreCodec codec;
        private NearMode near = NearMode.STRICT;
        private final Map<String, NearMode> nearByName = new HashMap<>();
        private Duration leasePeriod;
        private Duration heartbeat;
        private Duration peerTimeout;
        private Duration clockMargin;

        private Builder(MemcachedCacheManager.Builder servers) {
            this.servers = servers;
        }

        /** See {@link MemcachedCacheManager.Builder#connectionPoolSize}. Default 2. */
        public Builder connectionPoolSize(int size) {
            servers.connectionPoolSize(size);
            return this;
        }

        /** See {@link MemcachedCacheManager.Builder#operationTimeout}. Default 500 ms. */
        public Builder operationTimeout(Duration timeout) {
            servers.operationTimeout(timeout);
            return this;
        }

        /** See {@link MemcachedCacheManager.Builder#connectTimeout}. Default 1 s. */
        public Builder connectTimeout(Duration timeout) {
            servers.connectTimeout(timeout);
            return this;
        }

        /** See {@link MemcachedCacheManager.Builder#healInterval}. Default 1 s. */
        public Builder healInterval(Duration interval) {
            servers.healInterval(interval);
            return this;
        }

        /** See {@link MemcachedCacheManager.Builder#keyPrefix}. Default {@code "tc"}. */
        public Builder keyPrefix(String prefix) {
            servers.keyPrefix(prefix);
            return this;
        }

        /**
         * The codec of the values, for instance {@link SerializationCodec#builder()} with the application's value
         * classes allowed. Default {@link SerializationCodec#defaults()}.
         */
        public Builder codec(StoreCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /** The near mode of every region without one of its own; {@code NEAR} is served as {@code STRICT}. */
        public Builder near(NearMode mode) {
            this.near = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The near mode of one region (the cached method's name); {@code NEAR} is served as {@code STRICT}. */
        public Builder near(String regionName, NearMode mode) {
            nearByName.put(Objects.requireNonNull(regionName, "regionName"), Objects.requireNonNull(mode, "mode"));
            return this;
        }

        /** See {@link JCacheStore.Builder#leasePeriod}. Default 5 s. */
        public Builder leasePeriod(Duration period) {
            this.leasePeriod = Objects.requireNonNull(period, "period");
            return this;
        }

        /** See {@link JCacheStore.Builder#heartbeat}. Default 250 ms. */
        public Builder heartbeat(Duration period) {
            this.heartbeat = Objects.requireNonNull(period, "period");
            return this;
        }

        /** See {@link JCacheStore.Builder#peerTimeout}. Default 10 s. */
        public Builder peerTimeout(Duration timeout) {
            this.peerTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** See {@link JCacheStore.Builder#clockMargin}. Default 500 ms. */
        public Builder clockMargin(Duration margin) {
            this.clockMargin = Objects.requireNonNull(margin, "margin");
            return this;
        }

        /**
         * Connects and builds the store.
         *
         * @throws javax.cache.CacheException if the memcached client cannot start
         * @throws IllegalArgumentException   if a JCache store option is out of range
         */
        public MemcachedStore build() {
            return new MemcachedStore(this);
        }
    }
}
