package io.triggercache.jcache;

import io.triggercache.spi.ViewClock;
import io.triggercache.jcache.internal.CaffeineSupport;
import io.triggercache.jcache.internal.EhcacheSupport;
import io.triggercache.jcache.internal.EncodedRegion;
import io.triggercache.jcache.internal.LocalTokenRegion;
import io.triggercache.jcache.internal.LocalTokens;
import io.triggercache.jcache.internal.Providers;
import io.triggercache.jcache.internal.SharedTokenRegion;
import io.triggercache.jcache.internal.SharedTokens;
import io.triggercache.jcache.internal.StoreRegion;
import io.triggercache.jcache.internal.TokenRegion;
import io.triggercache.jcache.internal.Tokens;
import io.triggercache.spi.CacheStore;
import io.triggercache.spi.Region;
import io.triggercache.spi.RegionSpec;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;

/**
 * A {@link CacheStore} over any JSR-107 {@link CacheManager}: entries in JCache caches, made exact by
 * group tokens.
 *
 * <h2>Protocol</h2>
 * Every group of a region (the region name and the group's suffix values) has a token, a random
 * non-zero 64-bit value, and every region has an epoch token of the same kind. A load reads both
 * ({@link io.triggercache.spi.Region#beginLoad beginLoad}, creating missing ones with
 * {@code putIfAbsent}); the entry it stores records them; a read serves the entry only while both are
 * still the current ones, and so are those of the other cached values it was computed from
 * ({@link io.triggercache.spi.LoadTicket#dependOn}, at most {@value #MAX_DEPENDENCIES}). Invalidating a group
 * replaces its token with a fresh one, invalidating a region replaces its epoch, each stamped with the time
 * of the invalidation ({@link Builder#clock}): one operation whatever the number of entries, and since a
 * replaced value never comes back, a load that began before an invalidation is never served after it,
 * whatever the interleaving. A ticket answers when its group or region was last invalidated, plus the
 * {@linkplain #clockMargin() clock margin}, so that the engine does not store a load that read older data
 * ({@link io.triggercache.spi.LoadTicket#invalidatedAt()}). The protocol uses only {@code get}, {@code put},
 * {@code putIfAbsent} and {@code remove}.
 *
 * <h2>Caches</h2>
 * A region's entries go to the cache named {@link RegionSpec#cacheName()}. If the manager already has a
 * cache of that name (configured by the application, for instance in an Ehcache XML file) it is used as
 * is and left open by {@link #close()}; it must accept {@code Object} keys and values. Otherwise the store
 * creates it, bounded to {@link RegionSpec#maxEntries()} entries: on Ehcache and on Caffeine's JCache on heap
 * and by reference, on Hazelcast by its {@code ENTRY_COUNT} eviction (per member). On other providers it
 * creates a plain JCache cache, bounded only by the provider's own configuration for that name (an Infinispan
 * template with {@code memory max-count}; Redisson's JCache has no size bound): configure such caches in the
 * provider. Several regions may share one cache; the first to open it sets its bound.
 *
 * <h2>Tokens</h2>
 * See {@link TokenPlacement}: {@code LOCAL} (in this JVM) for Ehcache and Caffeine, {@code SHARED} (in the
 * cache {@value #TOKEN_CACHE}) for any other provider, unless the builder says otherwise. Token storage is
 * bounded; where the store would have to create {@value #TOKEN_CACHE} on a provider on which it can
 * neither set nor see a bound (Redisson, an Infinispan template without one, an unknown provider), opening
 * the first region fails with an {@link IllegalStateException} that says what to configure. A token
 * evicted for size reads as "not current", a miss, and the token created in its place
 * answers a time no earlier than the invalidation that may have been forgotten with it (see
 * {@code docs/store.md}).
 *
 * <h2>Shared caches: codec, near tier, leases</h2>
 * On a provider whose caches other JVMs read (every provider but Ehcache and Caffeine, or any store given a
 * {@link Builder#codec codec}), entries and tokens are stored as byte arrays: keys in an unambiguous
 * encoding, values through a {@link StoreCodec} with an allow-list ({@link SerializationCodec#defaults()}
 * unless one is given). Each node keeps a near tier of decoded entries ({@link NearMode}, default
 * {@link NearMode#STRICT}), and concurrent misses of one key on several nodes load once per lease period
 * ({@link Builder#leasePeriod}). The stores sharing a token cache watch each other's heartbeat: a node
 * serves from the shared caches only while every peer is known to owe no drop, and a node whose drop the
 * store refused returns from it only once the others have stopped serving ({@link Builder#heartbeat},
 * {@link Builder#peerTimeout}). See {@code docs/cluster.md}.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * CacheStore store = JCacheStore.embedded();                    // Ehcache 3 (or -Dtriggercache.embedded=caffeine)
 * CacheStore store = JCacheStore.embedded(EmbeddedProvider.CAFFEINE); // Caffeine's JCache, its own manager
 * CacheStore store = new JCacheStore(applicationCacheManager);  // any provider, placement detected
 * CacheStore store = JCacheStore.builder(manager).tokens(TokenPlacement.SHARED).build();
 * }</pre>
 *
 * <p>Thread-safe. Provider failures surface as the provider's {@link RuntimeException}s
 * ({@link CacheException}, {@link IllegalStateException} on a closed cache), never swallowed.
 */
public final class JCacheStore implements CacheStore {

    /** The name of the cache holding tokens under {@link TokenPlacement#SHARED}. */
    public static final String TOKEN_CACHE = "triggercache-tokens";

    /** The size bound of the token cache when the store creates it and no bound was given. */
    public static final long DEFAULT_SHARED_MAX_TOKENS = 100_000;

    static final long DEFAULT_LEASE_SECONDS = 5;
    static final long DEFAULT_HEARTBEAT_MILLIS = 250;

    /** How long a node's lease on a missing key holds other nodes back, unless the builder says otherwise. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(DEFAULT_LEASE_SECONDS);

    /** The heartbeat period of a shared store, unless the builder says otherwise. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofMillis(DEFAULT_HEARTBEAT_MILLIS);

    static final long DEFAULT_PEER_TIMEOUT_SECONDS = 10;

    /** How long a shared store waits for a silent peer before forgetting it, unless the builder says otherwise. */
    public static final Duration DEFAULT_PEER_TIMEOUT = Duration.ofSeconds(DEFAULT_PEER_TIMEOUT_SECONDS);

    static final long DEFAULT_CLOCK_MARGIN_MILLIS = 500;

    /**
     * The allowance for clock differences between the nodes sharing a store's tokens, unless the builder says
     * otherwise: added to every invalidation time a {@link TokenPlacement#SHARED} store answers
     * ({@link io.triggercache.spi.LoadTicket#invalidatedAt()}). See {@code docs/cluster.md}.
     */
    public static final Duration DEFAULT_CLOCK_MARGIN = Duration.ofMillis(DEFAULT_CLOCK_MARGIN_MILLIS);

    /**
     * The most other groups one entry may depend on ({@link io.triggercache.spi.LoadTicket#dependOn}), counted
     * after flattening the dependencies of dependencies and dropping duplicates. A load that would record more
     * is refused: {@code dependOn} answers {@code false} and its value is not stored. It bounds what a hit on a
     * dependent entry costs (one token check per dependency) and the size of its header.
     */
    public static final int MAX_DEPENDENCIES = 32;

    private final CacheManager manager;
    private final boolean ownsManager;
    private final TokenPlacement placement;
    private final long maxTokens;
    private final Tokens tokens = new Tokens();
    private final LocalTokens localTokens;
    private final StoreCodec codec;
    private final NearMode nearMode;
    private final Map<String, NearMode> nearModes;
    private final long leaseMillis;
    private final java.util.function.LongSupplier leaseClock;
    private final long heartbeatMillis;
    private final long peerTimeoutMillis;
    private final Clock clock;
    private final long clockMarginMillis;

    // guarded by this
    private final Map<String, StoreRegion> regions = new LinkedHashMap<>();
    private final Map<String, Cache<Object, Object>> caches = new LinkedHashMap<>();
    private final List<Cache<Object, Object>> createdCaches = new ArrayList<>();
    private Cache<Object, Object> tokenCache;
    private SharedTokens sharedTokens;
    private boolean closed;

    /**
     * A store over the given manager, with the token placement detected from its provider. The manager
     * stays the caller's: {@link #close()} closes only the caches this store created.
     *
     * @throws NullPointerException if {@code manager} is null
     */
    public JCacheStore(CacheManager manager) {
        this(new Builder(manager, false));
    }

    private JCacheStore(Builder builder) {
        this.manager = builder.manager;
        this.ownsManager = builder.ownsManager;
        boolean local = Providers.isLocal(manager);
        this.codec = builder.codec != null ? builder.codec
                : !local && builder.placement != TokenPlacement.LOCAL ? SerializationCodec.defaults() : null;
        if (codec != null && builder.placement == TokenPlacement.LOCAL) {
            throw new IllegalArgumentException("a store with a codec keeps its tokens in the shared token cache:"
                    + " do not force TokenPlacement.LOCAL together with codec(...)");
        }
        this.placement = codec != null ? TokenPlacement.SHARED
                : builder.placement != null ? builder.placement
                : local ? TokenPlacement.LOCAL : TokenPlacement.SHARED;
        this.nearMode = builder.nearMode;
        this.nearModes = Map.copyOf(builder.nearModes);
        this.leaseMillis = builder.leaseMillis;
        this.leaseClock = builder.leaseClock;
        this.heartbeatMillis = builder.heartbeatMillis;
        this.peerTimeoutMillis = builder.peerTimeoutMillis;
        this.maxTokens = builder.maxTokens;
        this.clock = builder.clock;
        this.clockMarginMillis = placement == TokenPlacement.LOCAL ? 0 : builder.clockMarginMillis;
        this.localTokens = placement == TokenPlacement.LOCAL ? new LocalTokens(maxTokens) : null;
    }

    /**
     * The embedded store: the provider the system property {@value EmbeddedProvider#PROPERTY} names
     * ({@code ehcache}, the default, or {@code caffeine}), as {@link #embedded(EmbeddedProvider)} builds it.
     *
     * @throws IllegalArgumentException if the property names no provider
     * @throws CacheException           if the provider's JSR-107 provider cannot be loaded
     */
    public static JCacheStore embedded() {
        return embedded(EmbeddedProvider.fromSystemProperty());
    }

    /**
     * An embedded store: entries on heap and by reference, in a {@link CacheManager} of its own (a unique URI, so
     * two deployments never share one), closed by {@link #close()}. Each cache it creates holds at most its
     * region's {@link RegionSpec#maxEntries()} entries, on either provider; tokens are
     * {@link TokenPlacement#LOCAL}. {@link EmbeddedProvider#CAFFEINE} needs
     * {@code com.github.ben-manes.caffeine:jcache} on the class path.
     *
     * @throws NullPointerException if {@code provider} is null
     * @throws CacheException       if the provider's JSR-107 provider cannot be loaded (for Caffeine: not on the
     *                              class path, with the dependency to add)
     */
    public static JCacheStore embedded(EmbeddedProvider provider) {
        Objects.requireNonNull(provider, "provider");
        CacheManager manager = switch (provider) {
            case EHCACHE -> EhcacheSupport.newEmbeddedManager();
            case CAFFEINE -> {
                if (!Providers.hasCaffeine()) {
                    throw new CacheException("the embedded store on Caffeine (" + EmbeddedProvider.PROPERTY
                            + "=caffeine) needs Caffeine's JCache provider " + Providers.CAFFEINE + ", which is not on"
                            + " the class path. Add com.github.ben-manes.caffeine:jcache " + Providers.caffeineVersion()
                            + " (the version of Caffeine on the class path) to the application, or remove the property"
                            + " to use Ehcache 3.");
                }
                yield CaffeineSupport.newEmbeddedManager();
            }
        };
        try {
            return new Builder(manager, true).build();
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * A builder of a store over the given manager, which stays the caller's.
     *
     * @throws NullPointerException if {@code manager} is null
     */
    public static Builder builder(CacheManager manager) {
        return new Builder(manager, false);
    }

    /**
     * Opens the region of one cached method: its cache is found or created (see the class comment), its
     * tokens start empty. Opening a name again returns the same region.
     *
     * @throws IllegalArgumentException if {@code spec.maxEntries()} is not positive, or the name is already
     *                                  open on another cache
     * @throws IllegalStateException    if the store is closed
     */
    @Override
    public synchronized Region region(RegionSpec spec) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(spec.name(), "spec.name");
        Objects.requireNonNull(spec.cacheName(), "spec.cacheName");
        if (closed) {
            throw new IllegalStateException("region " + spec.name() + " requested from a closed JCacheStore");
        }
        if (spec.maxEntries() <= 0) {
            throw new IllegalArgumentException("region " + spec.name() + ": maxEntries must be positive, was "
                    + spec.maxEntries());
        }
        StoreRegion open = regions.get(spec.name());
        if (open != null) {
            if (!open.cacheName().equals(spec.cacheName())) {
                throw new IllegalArgumentException("region " + spec.name() + " is already open on cache "
                        + open.cacheName() + ", cannot open it on " + spec.cacheName());
            }
            return open;
        }
        Cache<Object, Object> entries = cache(spec.cacheName(), spec.maxEntries());
        StoreRegion region;
        if (codec != null) {
            if (sharedTokens == null) {
                sharedTokens = new SharedTokens(tokenCache(), tokens, heartbeatMillis, peerTimeoutMillis, clock);
            }
            region = new EncodedRegion(spec.name(), spec.cacheName(), entries, sharedTokens, codec,
                    nearMode(spec), spec.maxEntries(), leaseMillis, clockMarginMillis, leaseClock);
        } else if (placement == TokenPlacement.LOCAL) {
            localTokens.grow(spec.maxEntries());
            region = new LocalTokenRegion(spec.name(), spec.cacheName(), entries, localTokens, tokens, clock);
        } else {
            region = new SharedTokenRegion(spec.name(), spec.cacheName(), entries, tokenCache(), tokens, clock,
                    clockMarginMillis);
        }
        regions.put(spec.name(), region);
        return region;
    }

    /**
     * Drops every entry of every cache this store's regions use, and makes every token of its regions
     * not current: under {@code LOCAL} the token map is emptied and the epochs replaced; under
     * {@code SHARED} the regions' epochs are replaced (which outdates their group tokens at once, without
     * touching the tokens of other stores sharing {@value #TOKEN_CACHE}). Either way the regions count as
     * invalidated at the time of the call ({@link io.triggercache.spi.LoadTicket#invalidatedAt()}).
     *
     * @throws IllegalStateException if the store is closed
     */
    @Override
    public synchronized void clear() {
        if (closed) {
            throw new IllegalStateException("clear() on a closed JCacheStore");
        }
        // tokens first: from here on no entry stamped before is current, whatever the clears below meet
        if (localTokens != null) {
            localTokens.clear(ViewClock.now(clock));
        }
        for (StoreRegion region : regions.values()) {
            region.resetEpoch();
        }
        for (Cache<Object, Object> cache : caches.values()) {
            cache.clear();
        }
    }

    /**
     * Closes the caches this store created (not the ones it found) and forgets its tokens; closes the
     * manager too if the store created it ({@link #embedded()}). Idempotent.
     *
     * @throws RuntimeException the first provider failure, with later ones suppressed, after trying all
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        if (sharedTokens != null) {
            try {
                sharedTokens.close();
            } catch (RuntimeException e) {
                failure = e;
            }
            sharedTokens = null;
        }
        if (ownsManager) {
            try {
                manager.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        } else {
            for (Cache<Object, Object> cache : createdCaches) {
                try {
                    cache.close();
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (localTokens != null) {
            localTokens.clear(ViewClock.now(clock));
        }
        regions.clear();
        caches.clear();
        createdCaches.clear();
        tokenCache = null;
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * The allowance for clock differences this store adds to every invalidation time it answers
     * ({@link io.triggercache.spi.LoadTicket#invalidatedAt()}): {@link Duration#ZERO} under
     * {@link TokenPlacement#LOCAL}, where one JVM's clock stamps everything; under {@code SHARED} the builder's
     * {@link Builder#clockMargin}, default {@link #DEFAULT_CLOCK_MARGIN}.
     */
    public Duration clockMargin() {
        return Duration.ofMillis(clockMarginMillis);
    }

    /** Where this store keeps its tokens. */
    public TokenPlacement tokenPlacement() {
        return placement;
    }

    /** The codec of the entries, or {@code null} when entries are held as objects (local providers). */
    public StoreCodec codec() {
        return codec;
    }

    /**
     * The near mode a region of this name got, or would get without a {@code @Cached(near = ...)}: its own if
     * {@link Builder#near(String, NearMode)} set one, else the method's annotation, else the store's. A
     * provider without events turns {@code NEAR} into {@code STRICT} ({@code docs/cluster.md}). Meaningful
     * only with a {@linkplain #codec() codec}.
     */
    public synchronized NearMode nearMode(String regionName) {
        if (regions.get(regionName) instanceof EncodedRegion open) {
            return open.nearMode();
        }
        return nearModes.getOrDefault(regionName, nearMode);
    }

    private NearMode nearMode(RegionSpec spec) {
        NearMode byName = nearModes.get(spec.name());
        if (byName != null) {
            return byName;
        }
        return switch (spec.near()) {
            case DEFAULT -> nearMode;
            case OFF -> NearMode.OFF;
            case STRICT -> NearMode.STRICT;
            case NEAR -> NearMode.NEAR;
        };
    }

    /** The manager holding the caches: the one given, or the embedded one ({@link #embedded()}). */
    public CacheManager cacheManager() {
        return manager;
    }

    @Override
    public String toString() {
        return "JCacheStore[" + Providers.providerClass(manager) + " " + manager.getURI()
                + ", tokens " + placement
                + (codec != null ? ", codec " + codec + ", near " + nearMode : "") + "]";
    }

    private Cache<Object, Object> tokenCache() {
        if (tokenCache == null) {
            long bound = maxTokens > 0 ? maxTokens : DEFAULT_SHARED_MAX_TOKENS;
            Cache<Object, Object> opened = openCache(TOKEN_CACHE, bound);
            if (createdCaches.contains(opened) && !Providers.isBounded(manager, opened)) {
                // never leave an unbounded token cache behind: the next start would find it and use it
                createdCaches.remove(opened);
                manager.destroyCache(TOKEN_CACHE);
                throw new IllegalStateException(unboundedTokens(bound));
            }
            tokenCache = opened;
        }
        return tokenCache;
    }

    private String unboundedTokens(long bound) {
        String provider = Providers.providerClass(manager);
        String how = Providers.INFINISPAN.equals(provider)
                ? "declare it in infinispan.xml with a bound, next to the entry caches, for instance <replicated-cache"
                        + " name=\"" + TOKEN_CACHE + "\" mode=\"SYNC\"><memory max-count=\"" + bound
                        + "\" when-full=\"REMOVE\"/></replicated-cache>, or give the template matching it a <memory"
                        + " max-count> (Infinispan's templates are unbounded unless they say otherwise)"
                : Providers.REDISSON.equals(provider)
                ? "Redisson's JCache caches have no size bound: create " + TOKEN_CACHE + " yourself before the"
                        + " store opens (manager.createCache(\"" + TOKEN_CACHE + "\", new MutableConfiguration<>()))"
                        + " on a Redis whose maxmemory bounds it, as docs/store.md (\"Bounds on shared providers\")"
                        + " describes"
                : "create it in the provider's own configuration with a size bound before the store opens";
        return "JCacheStore.region: the token cache " + TOKEN_CACHE + " would be unbounded. The store had to create"
                + " it on " + (provider.isEmpty() ? "a manager without provider" : provider) + ", where it can neither"
                + " set nor see a size bound (maxTokens " + bound + " cannot be applied), and group tokens must"
                + " stay bounded. Fix: " + how + "; the store then uses that cache as it is.";
    }

    private Cache<Object, Object> cache(String name, long maxEntries) {
        Cache<Object, Object> cache = caches.get(name);
        if (cache == null) {
            cache = openCache(name, maxEntries);
            caches.put(name, cache);
        }
        return cache;
    }

    private Cache<Object, Object> openCache(String name, long maxEntries) {
        Cache<Object, Object> existing = manager.getCache(name);
        if (existing != null) {
            return existing;
        }
        try {
            Cache<Object, Object> created = manager.createCache(name, Providers.byReference(manager, maxEntries));
            createdCaches.add(created);
            return created;
        } catch (CacheException e) {
            // another store or node created it between getCache and createCache; theirs is as good
            Cache<Object, Object> raced = manager.getCache(name);
            if (raced == null) {
                throw e;
            }
            return raced;
        }
    }

    /**
     * Options of a {@link JCacheStore}. Not thread-safe; build once.
     */
    public static final class Builder {

        private final CacheManager manager;
        private final boolean ownsManager;
        private TokenPlacement placement;
        private long maxTokens;
        private StoreCodec codec;
        private NearMode nearMode = NearMode.STRICT;
        private final Map<String, NearMode> nearModes = new HashMap<>();
        private long leaseMillis = DEFAULT_LEASE.toMillis();
        private java.util.function.LongSupplier leaseClock = System::currentTimeMillis;
        private long heartbeatMillis = DEFAULT_HEARTBEAT.toMillis();
        private long peerTimeoutMillis = DEFAULT_PEER_TIMEOUT.toMillis();
        private Clock clock = Clock.systemUTC();
        private long clockMarginMillis = DEFAULT_CLOCK_MARGIN_MILLIS;

        private Builder(CacheManager manager, boolean ownsManager) {
            this.manager = Objects.requireNonNull(manager, "manager");
            this.ownsManager = ownsManager;
        }

        /**
         * Forces the token placement instead of detecting it from the provider: {@code SHARED} for an
         * Ehcache or Caffeine setup whose entries are shared after all (a clustered Ehcache tier),
         * {@code LOCAL} for a distributed provider used by a single node.
         */
        public Builder tokens(TokenPlacement placement) {
            this.placement = Objects.requireNonNull(placement, "placement");
            return this;
        }

        /**
         * Fixes the bound on the number of group tokens. Default: under {@code LOCAL}, the sum of the
         * {@code maxEntries} of the open regions (a group has at least one entry); under {@code SHARED},
         * {@value JCacheStore#DEFAULT_SHARED_MAX_TOKENS}, applied when the store creates the token cache (on
         * Hazelcast, per member); where the store cannot apply or see a bound (Redisson, an unbounded Infinispan
         * template, an unknown provider) it refuses to create the token cache instead, see
         * {@code docs/store.md}.
         *
         * @throws IllegalArgumentException if {@code maxTokens} is not positive
         */
        public Builder maxTokens(long maxTokens) {
            if (maxTokens <= 0) {
                throw new IllegalArgumentException("maxTokens must be positive, was " + maxTokens);
            }
            this.maxTokens = maxTokens;
            return this;
        }

        /**
         * Stores entries and tokens as bytes, values through this codec (for instance
         * {@link SerializationCodec#builder()} with the application's value classes allowed). Without it, a
         * store over a provider other than Ehcache and Caffeine uses {@link SerializationCodec#defaults()};
         * give one to a local provider to run the shared-cache protocol on it (tests, a clustered tier).
         */
        public Builder codec(StoreCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /**
         * The near mode of every region without one of its own (set here by name, or asked for by the
         * method's {@code @Cached(near = ...)}). Default {@link NearMode#STRICT}.
         */
        public Builder near(NearMode mode) {
            this.nearMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * The near mode of one region: the cached method's name, as in {@code @Cached(name = ...)}. Wins over
         * the method's {@code @Cached(near = ...)}, so operations can change a mode without a rebuild.
         */
        public Builder near(String regionName, NearMode mode) {
            nearModes.put(Objects.requireNonNull(regionName, "regionName"), Objects.requireNonNull(mode, "mode"));
            return this;
        }

        /**
         * How long a node's lease on a missing key keeps other nodes waiting for its load before they load
         * themselves; {@link Duration#ZERO} turns leases off (every node loads its own misses). Default
         * {@value #DEFAULT_LEASE_SECONDS} seconds. A waiting call blocks at most twice this long.
         */
        public Builder leasePeriod(Duration period) {
            if (period.isNegative()) {
                throw new IllegalArgumentException("leasePeriod must not be negative, was " + period);
            }
            this.leaseMillis = period.toMillis();
            return this;
        }

        /**
         * The period of the heartbeat of a shared store (one small write to the token cache per period and
         * one read of each peer's). It bounds two windows: a {@link NearMode#NEAR} tier that hears no event
         * of its own heartbeat for three periods stops serving local hits; and a node whose drop failed
         * stops its heartbeat, after which the other nodes stop serving from the store within six periods
         * (the failed call waits for that, see {@code docs/cluster.md}). Default
         * {@value #DEFAULT_HEARTBEAT_MILLIS} ms.
         */
        public Builder heartbeat(Duration period) {
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("heartbeat must be positive, was " + period);
            }
            this.heartbeatMillis = period.toMillis();
            return this;
        }

        /**
         * How long a shared store waits for a peer whose heartbeat stopped before it forgets it and serves
         * from the store again. Meanwhile every node bypasses the shared caches: a crashed node costs the
         * others this long without hits. A node cut off from the store (but not from its database) for
         * longer than this is the one case in which other nodes can serve a value its commits made stale,
         * until it reconnects. Default {@value #DEFAULT_PEER_TIMEOUT_SECONDS} s. Must exceed the heartbeat
         * period several times over.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder peerTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("peerTimeout must be positive, was " + timeout);
            }
            this.peerTimeoutMillis = timeout.toMillis();
            return this;
        }

        /**
         * The allowance for differences between the clocks of the nodes that share the token cache, added to
         * every invalidation time a {@link TokenPlacement#SHARED} store answers: a node stores a loaded value
         * only if everything the load read is newer than the group's last invalidation plus this margin, so a
         * node whose clock runs up to this much behind the invalidating node's still never stores a value read
         * from a snapshot older than that invalidation. Larger: safe against worse clocks, but loads that read
         * within the margin after an invalidation are not stored. Ignored under {@code LOCAL} (one clock).
         * Default {@value #DEFAULT_CLOCK_MARGIN_MILLIS} ms; see {@code docs/cluster.md}.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder clockMargin(Duration margin) {
            if (margin.isNegative()) {
                throw new IllegalArgumentException("clockMargin must not be negative, was " + margin);
            }
            this.clockMarginMillis = margin.toMillis();
            return this;
        }

        /**
         * Test seam (package-private): the epoch milliseconds that date load leases, instead of
         * {@link System#currentTimeMillis()}, so that a test decides when a lease has expired.
         */
        Builder leaseClock(java.util.function.LongSupplier millis) {
            this.leaseClock = Objects.requireNonNull(millis, "millis");
            return this;
        }

        /**
         * The clock that stamps invalidations with their time, in nanoseconds, compared with
         * {@link io.triggercache.spi.ReadBarrier#readsSince()}: for the system clock (the default,
         * {@link Clock#systemUTC()}) {@link ViewClock#now()}, strictly increasing in the JVM; for another clock (tests
         * give one they move by hand) its instant in nanoseconds.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The store. */
        public JCacheStore build() {
            return new JCacheStore(this);
        }
    }
}
