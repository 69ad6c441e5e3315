package io.triggercache.rediscluster;

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
 * A {@link CacheStore} over a sharded Redis Cluster: entries and group tokens in the cluster, one Redis key per
 * entry so that one cached method's entries spread over every shard, shared by every node built with the same
 * cluster and key prefix, kept exact across nodes by single-key atomic commands on the master owning each key.
 *
 * <h2>Protocol</h2>
 * The shared store protocol of {@link JCacheStore} (the one the Hazelcast, Infinispan, Redis and memcached stores
 * run), on the JCache view {@link RedisClusterCacheManager}, whose every operation is one Redis command:
 * <ul>
 *   <li>a group token or a region epoch that does not exist yet is created with {@code SET NX}, so that concurrent
 *       first loads on several nodes agree on one token; an invalidation {@code SET}s a fresh random token, stamped
 *       with its time;</li>
 *   <li>a load lease is taken with {@code SET NX}, taken over from an expired holder and released with single-key
 *       Lua scripts (compare-and-set, compare-and-delete), so only the holder's own lease is ever removed;</li>
 *   <li>a {@link NearMode#STRICT} hit reads the entry's group token and its region's epoch; an entry with
 *       dependencies reads all its tokens in one {@code getAll}: {@code MGET}s per slot, sent together;</li>
 *   <li>every token write is acknowledged by a live replica ({@code WAIT}) before it returns, so a drop that has
 *       returned survives a failover of its master (see {@link RedisClusterCacheManager.Builder#replicaAcks}).</li>
 * </ul>
 * The client refreshes the cluster topology periodically and on redirects, so a replica promoted after its master
 * failed is found. While a master is down and not yet replaced, the calls needing its keys run uncached.
 *
 * <h2>Values</h2>
 * Values reach Redis only as bytes of the {@link StoreCodec}: {@link SerializationCodec#defaults()} unless
 * {@link Builder#codec} gives one, so the codec's allow-list and limits decide every class a node decodes from
 * the cluster, as on the other shared stores. The Redis client itself stores and reads strings only.
 *
 * <h2>Near tier</h2>
 * {@link NearMode#STRICT} (the default) keeps decoded entries on each node and validates every hit against the
 * cluster; {@link NearMode#OFF} keeps none. {@link NearMode#NEAR} needs change events of the token cache, which
 * this view does not deliver (Redis Cluster's keyspace notifications are per node and not delivered reliably
 * across failovers): it is served as {@code STRICT}.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * CacheStore store = RedisClusterStore.builder("10.0.0.1:7000 10.0.0.2:7000 10.0.0.3:7000")
 *         .codec(SerializationCodec.builder().allow(PostView.class).build())
 *         .build();
 * }</pre>
 *
 * <p>Thread-safe. Redis failures (a timeout, a node down, a slot without master) surface as
 * {@link javax.cache.CacheException}s: store faults, after which the engine runs the method uncached.
 */
public final class RedisClusterStore implements CacheStore {

    private final RedisClusterCacheManager manager;
    private final JCacheStore store;

    private RedisClusterStore(Builder builder) {
        RedisClusterCacheManager built = builder.cluster.build();
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
     * A builder of a store over the Redis Cluster reached through the given seed nodes: {@code host:port}
     * separated by spaces or commas.
     *
     * @throws IllegalArgumentException if the list is empty or an entry is not {@code host:port}
     */
    public static Builder builder(String seedNodes) {
        return new Builder(RedisClusterCacheManager.builder(seedNodes));
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
     * entries' keys on every master (SCAN: maintenance, not for a request path).
     */
    @Override
    public void clear() {
        store.clear();
    }

    /** Stops the heartbeat, closes the caches and shuts the Lettuce client down; the data stays in Redis. */
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

    /** The seed nodes, as {@code host:port} separated by spaces. */
    public String seedNodes() {
        return manager.seedNodes();
    }

    /** The masters owning slots now, as this client's view of the topology has them. For health checks. */
    public java.util.List<String> masters() {
        return manager.masters();
    }

    /** The JCache view the store runs on. */
    public RedisClusterCacheManager cacheManager() {
        return manager;
    }

    @Override
    public String toString() {
        return "RedisClusterStore[" + manager.getURI() + ", codec " + store.codec() + ", near "
                + store.nearMode("") + "]";
    }

    /** Options of a {@link RedisClusterStore}. Not thread-safe; build once. */
    public static final class Builder {

        private final RedisClusterCacheManager.Builder cluster;
        private StoreCodec codec;
        private NearMode near = NearMode.STRICT;
        private final Map<String, NearMode> nearByName = new HashMap<>();
        private Duration leasePeriod;
        private Duration heartbeat;
        private Duration peerTimeout;
        private Duration clockMargin;

        private Builder(RedisClusterCacheManager.Builder cluster) {
            this.cluster = cluster;
        }

        /** See {@link RedisClusterCacheManager.Builder#commandTimeout}. Default 500 ms. */
        public Builder commandTimeout(Duration timeout) {
            cluster.commandTimeout(timeout);
            return this;
        }

        /** See {@link RedisClusterCacheManager.Builder#connectTimeout}. Default 1 s. */
        public Builder connectTimeout(Duration timeout) {
            cluster.connectTimeout(timeout);
            return this;
        }

        /** See {@link RedisClusterCacheManager.Builder#topologyRefresh}. Default 5 s. */
        public Builder topologyRefresh(Duration period) {
            cluster.topologyRefresh(period);
            return this;
        }

        /** See {@link RedisClusterCacheManager.Builder#replicaAcks}. Default 1. */
        public Builder replicaAcks(int replicas) {
            cluster.replicaAcks(replicas);
            return this;
        }

        /** See {@link RedisClusterCacheManager.Builder#keyPrefix}. Default {@code "tc"}. */
        public Builder keyPrefix(String prefix) {
            cluster.keyPrefix(prefix);
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
         * @throws javax.cache.CacheException if no seed node answers
         * @throws IllegalArgumentException   if a JCache store option is out of range
         */
        public RedisClusterStore build() {
            return new RedisClusterStore(this);
        }
    }
}
