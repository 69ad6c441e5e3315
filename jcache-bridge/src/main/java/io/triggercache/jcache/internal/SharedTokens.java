package io.triggercache.jcache.internal;

import io.triggercache.spi.ViewClock;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.cache.Cache;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryListener;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;

/**
 * The tokens of one store whose entries are encoded for a shared cache: group tokens, epochs, leases and
 * heartbeats in the token cache (keys from {@link KeyEncoder}, binary-string values), and for the
 * {@code NEAR} mode a mirror of the tokens this node knows, kept in step by the token cache's events.
 *
 * <h2>Mirror</h2>
 * The mirror maps token keys to the value this node last read from the shared cache. An event for a token
 * key (created, updated, removed, expired) whose value is not the mirrored one drops the mirrored value.
 * A value read from the shared cache is installed only if no event or invalidation arrived between the
 * moment before the read and the install ({@link #changes()}, checked atomically with the write), so a
 * value older than an event never appears in the mirror, not even for a moment.
 *
 * <h2>Health</h2>
 * While the {@code NEAR} mode is used, a heartbeat is written to the token cache every period and must
 * come back as an event: if the write fails, no heartbeat event arrives for three periods, or heartbeat
 * numbers skip (events lost), the mirror is emptied and local hits stop until heartbeats flow again
 * (and the mirror is emptied once more then). So a node cut off from the shared cache's events stops
 * serving what it cannot know is current within about three heartbeat periods.
 *
 * <h2>Peers and owed drops</h2>
 * The heartbeat also tells the other stores sharing the token cache that this one owes no drop: see
 * {@link Peers}. It runs whatever the near mode, from the first region opened. An invalidation that fails
 * ({@link #owe}) stops the heartbeat and waits until the peers can no longer trust this node's last one;
 * every period the heartbeat thread retries the owed regions' drops ({@link EncodedRegion#repair}) and
 * writes a heartbeat again only when none is owed. {@link #trusted()} says whether this node may serve
 * from the shared caches.
 *
 * <p>Thread-safe.
 */
public final class SharedTokens implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.triggercache.jcache");
    private static final ConcurrentMap<String, SharedTokens> LISTENING = new ConcurrentHashMap<>();

    /** Heartbeat periods a peer's heartbeat stays fresh after it changed. */
    static final int TRUST_PERIODS = 6;

    final Cache<Object, Object> cache;
    final Tokens tokens;
    final Clock clock;
    private final PairReader pairReader;      // how this provider reads two tokens: see readTwo
    final long node;
    private final String id = UUID.randomUUID().toString();
    private final String heartbeatKey;
    private final long heartbeatNanos;

    private final com.github.benmanes.caffeine.cache.Cache<String, Long> mirrorCache;
    private final ConcurrentMap<String, Long> mirror;
    private final AtomicLong changes = new AtomicLong();
    private long mirrorBound;

    private volatile boolean healthy;
    private volatile long lastBeatNanos;
    private long lastBeatSeen = -1;      // guarded by heartbeatEvents
    private final Object heartbeatEvents = new Object();
    private volatile MutableCacheEntryListenerConfiguration<Object, Object> listener;
    private ScheduledExecutorService heartbeat;

    private final Peers peers;
    private final long trustNanos;
    // the regions that owe a drop, each with the number of its last failed drop (unique: no ABA on removal)
    private final ConcurrentMap<EncodedRegion, Long> owing = new ConcurrentHashMap<>();
    private final AtomicLong failedDrops = new AtomicLong();
    private final Object beatLock = new Object();
    private long beatsSent;                          // guarded by beatLock
    private long lastBeatWritten = Long.MIN_VALUE;   // System.nanoTime() after the last heartbeat write; beatLock

    /**
     * @param heartbeatMillis  the heartbeat period
     * @param peerTimeoutMillis how long a silent peer is waited for before it is forgotten ({@link Peers})
     * @param clock            stamps invalidations and created tokens with their time
     */
    public SharedTokens(Cache<Object, Object> cache, Tokens tokens, long heartbeatMillis, long peerTimeoutMillis,
                        Clock clock) {
        this.cache = cache;
        this.tokens = tokens;
        this.clock = clock;
        this.pairReader = pairReader(cache);
        this.node = tokens.next();
        this.heartbeatKey = KeyEncoder.heartbeat(node);
        this.heartbeatNanos = TimeUnit.MILLISECONDS.toNanos(heartbeatMillis);
        this.trustNanos = TRUST_PERIODS * heartbeatNanos;
        this.peers = new Peers(cache, node, trustNanos, TimeUnit.MILLISECONDS.toNanos(peerTimeoutMillis));
        this.mirrorCache = Caffeine.newBuilder().maximumSize(0).executor(Runnable::run).build();
        this.mirror = mirrorCache.asMap();
    }

    // ------------------------------------------------------------------ peers, heartbeat, owed drops

    /**
     * Starts the heartbeat and the watch of the peers, once: writes this node's first heartbeat, joins the
     * roster, and waits (at most four periods) until every peer already there has been seen alive, so that
     * a node that has just started caches at once when its peers are well.
     */
    void start() {
        ScheduledExecutorService executor;
        synchronized (this) {
            if (heartbeat != null) {
                return;
            }
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "triggercache-heartbeat-" + cache.getName());
                thread.setDaemon(true);
                return thread;
            });
            heartbeat = executor;
        }
        // no lock held while writing: providers that deliver events synchronously (Infinispan) run this
        // node's listener before the write returns
        tick();
        long giveUpAt = System.nanoTime() + 4 * heartbeatNanos;
        while (!peers.confirmed() && System.nanoTime() - giveUpAt < 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(heartbeatNanos / 4);
            pollPeers();
        }
        synchronized (this) {
            if (heartbeat == executor) {
                executor.scheduleWithFixedDelay(this::tick, heartbeatNanos, heartbeatNanos, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** Whether this node may serve what the shared caches hold: every peer is known to owe no drop. */
    boolean trusted() {
        return peers.trusted();
    }

    /**
     * Records that a drop of {@code region} failed: the heartbeat stops until the region's epoch has been
     * replaced, and this call returns only when no peer can trust this node's last heartbeat any more, so
     * that no read on another node that begins after it returns serves what the failed drop should have
     * made stale. The wait is at most {@code (TRUST_PERIODS + 2)} heartbeat periods after the last
     * heartbeat written, usually none: a drop that fails has waited for the provider's timeout already.
     */
    void owe(EncodedRegion region) {
        owing.put(region, failedDrops.incrementAndGet());
        long written;
        synchronized (beatLock) {          // a heartbeat write in flight ends before we read its time
            written = lastBeatWritten;
        }
        if (written == Long.MIN_VALUE) {
            return;                        // never wrote one: no peer trusts this node yet
        }
        long fenceAt = written + trustNanos + 2 * heartbeatNanos;
        boolean interrupted = false;
        for (long left; (left = fenceAt - System.nanoTime()) > 0; ) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                interrupted = true;        // keep waiting: returning early would break the guarantee
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The region's debt as its epoch is about to be replaced: {@code null} if it owes nothing. */
    Long debt(EncodedRegion region) {
        return owing.get(region);
    }

    /**
     * Records that the region's epoch was replaced while it owed {@code debt} (from {@link #debt}): it owes
     * nothing now, unless a drop failed again meanwhile.
     */
    void repaired(EncodedRegion region, Long debt) {
        if (debt != null) {
            owing.remove(region, debt);
        }
    }

    private void tick() {
        for (EncodedRegion region : owing.keySet()) {
            try {
                region.repair();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "owed drop of " + region.name() + " not accepted yet: " + e);
            }
        }
        boolean owes;
        boolean wrote = false;
        synchronized (beatLock) {
            owes = !owing.isEmpty();
            if (!owes) {
                try {
                    cache.put(heartbeatKey, Bytes.of(++beatsSent));
                    lastBeatWritten = System.nanoTime();
                    wrote = true;
                } catch (RuntimeException e) {
                    sick("the heartbeat could not be written: " + e);
                }
            }
        }
        if (listener != null) {
            if (owes) {
                sick("this node owes drops the store has not accepted");   // no heartbeat, so no event to expect
            } else if (wrote && healthy && System.nanoTime() - lastBeatNanos > 3 * heartbeatNanos) {
                sick("no heartbeat event for " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastBeatNanos) + " ms");
            }
        }
        pollPeers();
    }

    private void pollPeers() {
        try {
            peers.poll();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "peers of " + cache.getName() + " not read: " + e);
        }
    }

    // ------------------------------------------------------------------ tokens in the shared cache

    /** The token stored under {@code key}, or 0 if there is none. */
    long read(String key) {
        return Bytes.token(cache.get(key));
    }

    /** Reads the tokens under two keys into {@code into}, as {@link #readTwo} does, or under many. */
    interface PairReader {
        void read(String first, String second, long[] into);

        /** Reads the tokens under every key of {@code keys} into {@code into}, as {@link #readAll} does. */
        void readAll(String[] keys, long[] into);
    }

    /**
     * The tokens stored under two keys; 0 for a missing one. One {@code getAll} (one round trip) where the
     * provider answers it in one request (Redisson: one script; memcached: one multi-key {@code get}, sent to
     * each server holding a key at once; Redis Cluster: one {@code MGET} per slot, sent together). On Hazelcast, two {@code getAsync} sent
     * together, then both awaited: one round trip's time, where its {@code getAll} runs a partition-iterating
     * operation that costs more than two single-key reads (about 190 us against 2 x 7-70 us measured here).
     * Two {@code get}s elsewhere: on Infinispan each JCache {@code get} is a locked read-write command
     * (BENCHMARKS.md, B7), so two of them cost two clustered operations; batching them is left to do.
     */
    void readTwo(String first, String second, long[] into) {
        pairReader.read(first, second, into);
    }

    /**
     * The tokens stored under every key of {@code keys} (the tokens an entry with dependencies was stamped
     * with), 0 for a missing one, in one round trip where the provider allows it, as {@link #readTwo}: one
     * {@code getAll} on Redisson and on Infinispan (one command, each distinct key once), all {@code getAsync}
     * sent before any is awaited on Hazelcast, one {@code get} after the other elsewhere.
     */
    void readAll(String[] keys, long[] into) {
        pairReader.readAll(keys, into);
    }

    /** The fastest way the cache's provider reads two keys: chosen once per store, see {@link #readTwo}. */
    private static PairReader pairReader(Cache<Object, Object> cache) {
        String provider = Providers.providerClass(cache.getCacheManager());
        if (Providers.REDISSON.equals(provider) || Providers.MEMCACHED.equals(provider) || Providers.REDIS_CLUSTER.equals(provider)) {
            return new PairReader() {
                @Override
                public void read(String first, String second, long[] into) {
                    getAll(cache, first, second, into);
                }

                @Override
                public void readAll(String[] keys, long[] into) {
                    getAll(cache, keys, into);
                }
            };
        }
        PairReader hazelcast = HazelcastSupport.pairReader(cache);
        if (hazelcast != null) {
            return hazelcast;
        }
        if (Providers.INFINISPAN.equals(Providers.providerClass(cache.getCacheManager()))) {
            return new PairReader() {
                @Override
                public void read(String first, String second, long[] into) {
                    into[0] = Bytes.token(cache.get(first));
                    into[1] = Bytes.token(cache.get(second));
                }

                @Override
                public void readAll(String[] keys, long[] into) {
                    getAll(cache, keys, into);      // one command for all (and each distinct key once), not one per key
                }
            };
        }
        return new PairReader() {
            @Override
            public void read(String first, String second, long[] into) {
                into[0] = Bytes.token(cache.get(first));
                into[1] = Bytes.token(cache.get(second));
            }

            @Override
            public void readAll(String[] keys, long[] into) {
                for (int i = 0; i < keys.length; i++) {
                    into[i] = Bytes.token(cache.get(keys[i]));
                }
            }
        };
    }

    private static void getAll(Cache<Object, Object> cache, String first, String second, long[] into) {
        // a HashSet, not Set.of: some providers (Infinispan) probe the set with contains(null)
        Set<Object> keys = new HashSet<>(4);
        keys.add(first);
        keys.add(second);
        Map<Object, Object> found = cache.getAll(keys);
        into[0] = 0;
        into[1] = 0;
        for (Map.Entry<Object, Object> e : found.entrySet()) {
            if (first.equals(e.getKey())) {
                into[0] = Bytes.token(e.getValue());
            } else if (second.equals(e.getKey())) {
                into[1] = Bytes.token(e.getValue());
            }
        }
    }

    private static void getAll(Cache<Object, Object> cache, String[] keys, long[] into) {
        Map<Object, Object> found = cache.getAll(new HashSet<>(Arrays.asList(keys)));
        for (int i = 0; i < keys.length; i++) {
            into[i] = Bytes.token(found.get(keys[i]));
        }
    }

    /**
     * The token under {@code key} and the time of the invalidation that wrote it, created with
     * {@code putIfAbsent} of a fresh value stamped with the clock's time when missing: the shared cache may
     * have lost an earlier token (its size bound, a member that left) without this node hearing of it, so a
     * created token answers that the group may have been invalidated just before. A token written by an
     * earlier version of the store, without a time, answers the time of the call for the same reason.
     */
    Token getOrCreate(String key) {
        Object current = cache.get(key);
        long value = Bytes.token(current);
        if (value != 0) {
            return new Token(value, Bytes.invalidatedAt(current, ViewClock.now(clock)));
        }
        long fresh = tokens.next();
        long now = ViewClock.now(clock);
        if (cache.putIfAbsent(key, Bytes.stamped(fresh, now))) {
            return new Token(fresh, now);
        }
        // another node created it first: read the winner; if it is gone already, this load's own value was
        // never stored, so what the load puts is never served
        Object winner = cache.get(key);
        long won = Bytes.token(winner);
        return won != 0 ? new Token(won, Bytes.invalidatedAt(winner, now)) : new Token(fresh, now);
    }

    /**
     * Makes the token under {@code key} not current by replacing it with a fresh value that no load has
     * read, stamped with the clock's time. A replacement rather than a removal, so that it is an event even
     * when the token was absent (evicted), which the mirrors of other nodes need to hear about, and so that
     * the time of the invalidation is kept.
     */
    void replace(String key) {
        try {
            cache.put(key, Bytes.stamped(tokens.next(), ViewClock.now(clock)));
        } finally {
            dropLocal(key);
        }
    }

    // ------------------------------------------------------------------ mirror (NEAR)

    /** The event counter: read it before reading tokens that are to be installed in the mirror. */
    long changes() {
        return changes.get();
    }

    boolean healthy() {
        return healthy;
    }

    boolean isCurrent(String key, long token) {
        Long current = mirror.get(key);
        return current != null && current == token;
    }

    /**
     * Installs a token read after {@code changesBefore} was read, unless an event or a local invalidation
     * arrived meanwhile. The check and the write are one atomic step on the key ({@code compute}), and a
     * drop increments the counter before removing the key: so a drop either sees the installed value and
     * removes it, or the install sees the counter moved and writes nothing. No reader can see the token
     * in between.
     */
    void install(String key, long token, long changesBefore) {
        mirror.compute(key, (k, current) -> changes.get() == changesBefore ? Long.valueOf(token) : current);
    }

    /** Forgets the mirrored value of {@code key}, and defeats installs that read it before now. */
    void dropLocal(String key) {
        changes.incrementAndGet();
        mirror.remove(key);
    }

    private void dropAllLocal() {
        changes.incrementAndGet();
        mirror.clear();
    }

    /** Raises the mirror's bound by a region's size (each entry has one group; plus the epoch). */
    synchronized void grow(long entries) {
        mirrorBound = Math.min(Long.MAX_VALUE / 2, mirrorBound + entries + 1);
        mirrorCache.policy().eviction().orElseThrow().setMaximum(mirrorBound);
    }

    /**
     * Starts listening to the token cache and the heartbeat, once; the {@code NEAR} mode is safe only
     * after this. Returns whether events can be had from the provider.
     */
    synchronized boolean listen() {
        if (listener != null) {
            return true;
        }
        LISTENING.put(id, this);
        MutableCacheEntryListenerConfiguration<Object, Object> configuration =
                new MutableCacheEntryListenerConfiguration<>(new ListenerFactory(id), null, false, false);
        try {
            cache.registerCacheEntryListener(configuration);
        } catch (RuntimeException e) {
            LISTENING.remove(id);
            LOG.log(System.Logger.Level.WARNING, "TRIGGERCACHE-101 the token cache " + cache.getName() + " cannot"
                    + " deliver events (" + e + "): near mode NEAR validates every hit like STRICT");
            return false;
        }
        listener = configuration;
        lastBeatNanos = System.nanoTime();    // the next heartbeat's event is due from now
        return true;
    }

    private void sick(String why) {
        if (healthy) {
            LOG.log(System.Logger.Level.WARNING, "TRIGGERCACHE-102 near tier of " + cache.getName() + " stops serving"
                    + " local hits: " + why);
        }
        healthy = false;
        dropAllLocal();
    }

    private void onHeartbeat(long number) {
        if (number < 0) {
            return;                           // this node's own "left" marker, written by close()
        }
        synchronized (heartbeatEvents) {
            onHeartbeatLocked(number);
        }
    }

    private void onHeartbeatLocked(long number) {
        lastBeatNanos = System.nanoTime();
        boolean gap = lastBeatSeen >= 0 && number > lastBeatSeen + 1;
        if (number > lastBeatSeen) {
            lastBeatSeen = number;
        }
        if (gap || !healthy) {
            // events may have been missed: nothing mirrored before now can be trusted
            dropAllLocal();
        }
        if (!healthy) {
            healthy = true;
            LOG.log(System.Logger.Level.INFO, "TRIGGERCACHE-103 near tier of " + cache.getName() + " serves local hits");
        }
    }

    void onEvent(Object key, Object value) {
        if (!(key instanceof String k)) {
            dropAllLocal();
            return;
        }
        if (KeyEncoder.isHeartbeat(k)) {
            if (k.equals(heartbeatKey) && value != null) {
                onHeartbeat(Bytes.token(value));
            }
            return;
        }
        if (!KeyEncoder.isToken(k)) {
            return;
        }
        long token = value == null ? 0 : Bytes.token(value);
        Long mirrored = mirror.get(k);
        if (mirrored == null || mirrored != token) {
            dropLocal(k);
        }
    }

    /**
     * Stops the heartbeat. If no drop is owed (after a last try), tells the peers this node left, so they
     * stop waiting for it at once; otherwise they wait for it until their peer timeout.
     */
    @Override
    public synchronized void close() {
        boolean started = heartbeat != null;
        if (heartbeat != null) {
            heartbeat.shutdownNow();
            try {
                heartbeat.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            heartbeat = null;
        }
        healthy = false;
        if (started && !cache.isClosed()) {
            try {
                for (EncodedRegion region : owing.keySet()) {
                    region.repair();
                }
                if (owing.isEmpty()) {
                    synchronized (beatLock) {
                        cache.put(heartbeatKey, Bytes.of(Peers.LEFT));
                    }
                    peers.leave();
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "the peers of " + cache.getName() + " were not told this store left: " + e);
            }
        }
        if (listener != null) {
            MutableCacheEntryListenerConfiguration<Object, Object> configuration = listener;
            listener = null;
            try {
                if (!cache.isClosed()) {
                    cache.deregisterCacheEntryListener(configuration);
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "token cache listener not deregistered: " + e);
            }
        }
        LISTENING.remove(id);
        dropAllLocal();
    }

    /**
     * Creates the listener on the node that registers it. Serializable, as JCache requires (Hazelcast
     * sends listener configurations to other members): it carries only the id of the store, and on a JVM
     * where that store does not live it creates a listener that ignores everything.
     */
    private static final class ListenerFactory implements Factory<CacheEntryListener<Object, Object>> {

        private static final long serialVersionUID = 1L;
        private final String id;

        ListenerFactory(String id) {
            this.id = id;
        }

        @Override
        public CacheEntryListener<Object, Object> create() {
            return new TokenListener(id);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ListenerFactory that && id.equals(that.id);
        }

        @Override
        public int hashCode() {
            return id.hashCode();
        }
    }

    private static final class TokenListener implements CacheEntryCreatedListener<Object, Object>,
            CacheEntryUpdatedListener<Object, Object>, CacheEntryRemovedListener<Object, Object>,
            CacheEntryExpiredListener<Object, Object>, java.io.Serializable {

        private static final long serialVersionUID = 1L;
        private final String id;

        TokenListener(String id) {
            this.id = id;
        }

        private void deliver(Iterable<CacheEntryEvent<?, ?>> events, boolean withValue) {
            SharedTokens target = LISTENING.get(id);
            if (target == null) {
                return;
            }
            for (CacheEntryEvent<?, ?> event : events) {
                target.onEvent(event.getKey(), withValue ? event.getValue() : null);
            }
        }

        @Override
        public void onCreated(Iterable<CacheEntryEvent<?, ?>> events) {
            deliver(events, true);
        }

        @Override
        public void onUpdated(Iterable<CacheEntryEvent<?, ?>> events) {
            deliver(events, true);
        }

        @Override
        public void onRemoved(Iterable<CacheEntryEvent<?, ?>> events) {
            deliver(events, false);
        }

        @Override
        public void onExpired(Iterable<CacheEntryEvent<?, ?>> events) {
            deliver(events, false);
        }
    }
}
