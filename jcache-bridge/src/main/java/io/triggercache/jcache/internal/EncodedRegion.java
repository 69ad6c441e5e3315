package io.triggercache.jcache.internal;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.triggercache.jcache.CodecException;
import io.triggercache.jcache.NearMode;
import io.triggercache.jcache.StoreCodec;
import io.triggercache.spi.LoadTicket;
import io.triggercache.spi.StoredValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import javax.cache.Cache;

/**
 * A region over a shared (distributed) cache: the token protocol of {@link TokenRegion} on bytes, a near
 * tier per node, and load leases across nodes.
 *
 * <h2>What the shared caches hold</h2>
 * Keys are {@link KeyEncoder} keys, values binary strings (one {@code char} per byte): an entry is a header (group token, epoch,
 * {@code expiresAt}, the group's key bytes; in format {@code 'D'} then its dependencies' token keys and
 * tokens) followed by the {@link StoreCodec} payload of the value; a token is sixteen bytes, the value and
 * the time of the invalidation that wrote it ({@link Bytes#stamped}). Providers see nothing but strings, so none needs a serializer of ours, and no
 * provider ever deserializes a class from the store: only the codec decodes, and it refuses classes not
 * on its allow-list. Only {@code get}, {@code getAll}, {@code put}, {@code putIfAbsent}, {@code replace}
 * and {@code remove} are used.
 *
 * <h2>Protocol</h2>
 * As in {@link TokenRegion}, with one difference: an invalidation <em>replaces</em> the token with a fresh
 * value instead of removing it, so that it is an event for the other nodes' near tiers even when the token
 * had been evicted. The argument for I3 is unchanged: the old value never comes back, and the fresh one was
 * read by no load begun before. A ticket answers the later of its two tokens' times plus the store's clock
 * margin ({@link LoadTicket#invalidatedAt()}); a token created because none was found is stamped with the
 * time of its creation, since the shared cache may have lost an invalidated one unseen. Dependencies
 * ({@link LoadTicket#dependOn}) are checked with the entry's own tokens: in one bulk read, or in the
 * {@code NEAR} mirror.
 *
 * <h2>Near tier</h2>
 * Decoded entries this node read or loaded, on heap, by the engine's key object, bounded by the region's
 * size. {@link NearMode#STRICT}: a local hit is served after a read of its group token and the epoch
 * ({@link SharedTokens#readTwo}) shows both are still the ones it was stamped with. {@link NearMode#NEAR}: a local hit is checked
 * against the {@link SharedTokens} mirror, without a round trip.
 *
 * <h2>Leases (I6 across nodes)</h2>
 * On a miss, the first node takes a lease on the key ({@code putIfAbsent} of its node id and a deadline in
 * the token cache) and its engine loads; a node that finds another node's live lease waits, one thread per
 * key per node polling, for the entry to appear (then serves it) or for the lease to go or expire (then
 * takes it). A {@code put} releases the lease. So one load per key runs across the nodes per lease period,
 * and a node that crashed while loading delays the others by at most one period.
 *
 * <p>Thread-safe. Provider exceptions and {@link CodecException}s propagate (the engine treats them as
 * faults and runs the method).
 */
public final class EncodedRegion implements StoreRegion {

    private static final byte ENTRY_FORMAT = 'V';
    /** An entry with dependencies: the {@code 'V'} header, then the dependencies, then the payload. */
    private static final byte DEPENDENT_ENTRY_FORMAT = 'D';
    private static final int HEADER = 1 + 8 + 8 + 8 + 4;

    private final String name;
    private final String cacheName;
    private final Cache<Object, Object> entries;
    private final SharedTokens shared;
    private final StoreCodec codec;
    private final NearMode mode;
    private final long leaseMillis;
    private final long clockMarginNanos;   // added to a drop's time (ViewClock nanoseconds)
    private final String epochKey;
    private final com.github.benmanes.caffeine.cache.Cache<Object, NearEntry> nearCache;
    private final ConcurrentMap<Object, NearEntry> near;
    // leases this node took and has not released (put and abandon release them); entries also leave after the
    // lease period, when the lease is void anyway
    private final ConcurrentMap<String, String> heldLeases;
    private final java.util.function.LongSupplier leaseClock;
    private final ConcurrentMap<String, CompletableFuture<StoredValue>> waits = new ConcurrentHashMap<>();

    public EncodedRegion(String name, String cacheName, Cache<Object, Object> entries, SharedTokens shared,
                         StoreCodec codec, NearMode mode, long maxEntries, long leaseMillis, long clockMarginMillis) {
        this(name, cacheName, entries, shared, codec, mode, maxEntries, leaseMillis, clockMarginMillis,
                System::currentTimeMillis);
    }

    /**
     * @param leaseClock epoch milliseconds for lease deadlines (compared across nodes, so the wall clock);
     *                   {@code System::currentTimeMillis} but in tests that move it by hand
     */
    public EncodedRegion(String name, String cacheName, Cache<Object, Object> entries, SharedTokens shared,
                         StoreCodec codec, NearMode mode, long maxEntries, long leaseMillis, long clockMarginMillis,
                         java.util.function.LongSupplier leaseClock) {
        this.leaseClock = Objects.requireNonNull(leaseClock, "leaseClock");
        this.name = Objects.requireNonNull(name, "name");
        this.cacheName = Objects.requireNonNull(cacheName, "cacheName");
        this.entries = entries;
        this.shared = shared;
        this.codec = codec;
        this.leaseMillis = leaseMillis;
        this.clockMarginNanos = Math.multiplyExact(clockMarginMillis, 1_000_000L);
        this.heldLeases = Caffeine.newBuilder().maximumSize(Math.max(16, maxEntries))
                .expireAfterWrite(java.time.Duration.ofMillis(Math.max(1, leaseMillis))).executor(Runnable::run)
                .<String, String>build().asMap();
        this.epochKey = KeyEncoder.epoch(name);
        NearMode effective = mode;
        if (mode == NearMode.NEAR) {
            shared.grow(maxEntries);
            if (!shared.listen()) {
                effective = NearMode.STRICT;
            }
        }
        this.mode = effective;
        shared.start();
        if (effective == NearMode.OFF) {
            this.nearCache = null;
            this.near = null;
        } else {
            this.nearCache = Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run).build();
            this.near = nearCache.asMap();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String cacheName() {
        return cacheName;
    }

    /** The near mode in effect ({@code NEAR} becomes {@code STRICT} where the provider has no events). */
    public NearMode nearMode() {
        return mode;
    }

    /**
     * Whether this node may serve entries now: every other node sharing the token cache is known to owe no
     * drop ({@link SharedTokens#trusted()}). While it is false, {@link #get} answers nothing (checked before a
     * near-tier hit and again before an entry read from the shared cache is served, which may come after a
     * wait for another node's lease) and the engine runs the method without storing its result.
     */
    @Override
    public boolean available() {
        return shared.trusted();
    }

    @Override
    public StoredValue get(Object key) {
        if (!shared.trusted()) {
            return null;                        // a peer may owe a drop: nothing here can be vouched for
        }
        if (near != null) {
            NearEntry local = near.get(key);
            if (local != null) {
                if (mode == NearMode.NEAR) {
                    if (shared.healthy() && shared.isCurrent(local.group, local.groupToken)
                            && shared.isCurrent(epochKey, local.epoch)
                            && (local.checkKeys == null || local.mirroredDependenciesCurrent(shared))) {
                        return local;
                    }
                } else if (local.checkKeys == null) {
                    long[] current = new long[2];
                    shared.readTwo(local.group, epochKey, current);
                    if (current[0] == local.groupToken && current[1] == local.epoch) {
                        return local;
                    }
                } else if (local.readCurrent(shared)) {
                    return local;
                }
                near.remove(key, local);
            }
        }
        String entryKey = KeyEncoder.entry(key);
        StoredValue found = fetch(key, entryKey);
        if (found != null || leaseMillis <= 0) {
            return found;
        }
        return awaitOrLease(key, entryKey);
    }

    /** Reads the entry from the shared cache; serves it only if its tokens are current. */
    private NearEntry fetch(Object key, String entryKey) {
        long changesBefore = shared.changes();
        if (!(entries.get(entryKey) instanceof String stored) || stored.length() < HEADER
                || stored.charAt(0) != ENTRY_FORMAT && stored.charAt(0) != DEPENDENT_ENTRY_FORMAT) {
            return null;
        }
        byte[] bytes = Bytes.bytes(stored);
        long groupToken = Bytes.getLong(bytes, 1);
        long epoch = Bytes.getLong(bytes, 9);
        long expiresAt = Bytes.getLong(bytes, 17);
        int groupLength = Bytes.getInt(bytes, 25);
        if (groupLength < 0 || HEADER + groupLength > bytes.length) {
            return null;
        }
        String group = stored.substring(HEADER, HEADER + groupLength);
        int payloadAt = HEADER + groupLength;
        EncodedDependency[] dependencies = null;
        if (stored.charAt(0) == DEPENDENT_ENTRY_FORMAT) {
            Reader reader = new Reader(stored, bytes, payloadAt);
            dependencies = reader.dependencies();
            if (dependencies == null) {
                return null;                    // malformed: a miss, and the next put replaces it
            }
            payloadAt = reader.at;
        }
        NearEntry checked = new NearEntry(null, expiresAt, this, group, groupToken, epoch, dependencies);
        boolean current;
        if (dependencies == null) {
            long[] tokens = new long[2];
            shared.readTwo(group, epochKey, tokens);
            current = tokens[0] == groupToken && tokens[1] == epoch;
        } else {
            current = checked.readCurrent(shared);
        }
        if (!current || !shared.trusted()) {
            return null;                        // not current, or a peer may owe a drop (trust lapsed meanwhile)
        }
        Object value = codec.decode(Arrays.copyOfRange(bytes, payloadAt, bytes.length));
        NearEntry entry = new NearEntry(value, expiresAt, this, group, groupToken, epoch, dependencies);
        keepNear(key, entry, changesBefore);
        return entry;
    }

    private void keepNear(Object key, NearEntry entry, long changesBefore) {
        if (near == null) {
            return;
        }
        if (mode == NearMode.NEAR) {
            shared.install(entry.group, entry.groupToken, changesBefore);
            shared.install(epochKey, entry.epoch, changesBefore);
            if (entry.checkKeys != null) {
                // read after changesBefore too: by the fetch, or by the gets and loads the ticket depended on,
                // all of which ran after its beginLoad read the counter
                for (int i = 2; i < entry.checkKeys.length; i++) {
                    shared.install(entry.checkKeys[i], entry.checkTokens[i], changesBefore);
                }
            }
        }
        near.put(key, entry);
    }

    @Override
    public LoadTicket beginLoad(List<?> group) {
        long changesBefore = shared.changes();
        String groupKey = KeyEncoder.group(name, group);
        Token groupToken = shared.getOrCreate(groupKey);
        Token epoch = shared.getOrCreate(epochKey);
        long invalidatedAt = Math.max(groupToken.invalidatedAt(), epoch.invalidatedAt()) + clockMarginNanos;
        return new EncodedTicket(this, groupKey, groupToken.value(), epoch.value(), changesBefore, invalidatedAt);
    }

    @Override
    public void put(Object key, LoadTicket ticket, Object value, long expiresAt) {
        if (!(ticket instanceof EncodedTicket own) || own.region != this) {
            throw new IllegalArgumentException("put on region " + name + " with a ticket from another region: " + ticket
                    + ". Pass the ticket returned by this region's beginLoad.");
        }
        String entryKey = KeyEncoder.entry(key);
        try {
            if (own.refused) {
                return;                          // a dependency could not be recorded: the value is not stored
            }
            EncodedDependency[] dependencies = own.dependencies();
            byte[] payload = codec.encode(value);
            byte[] group = Bytes.bytes(own.group);
            byte[] described = dependencies == null ? new byte[0] : encode(dependencies);
            byte[] bytes = new byte[HEADER + group.length + described.length + payload.length];
            bytes[0] = dependencies == null ? ENTRY_FORMAT : DEPENDENT_ENTRY_FORMAT;
            Bytes.putLong(bytes, 1, own.groupToken);
            Bytes.putLong(bytes, 9, own.epoch);
            Bytes.putLong(bytes, 17, expiresAt);
            Bytes.putInt(bytes, 25, group.length);
            System.arraycopy(group, 0, bytes, HEADER, group.length);
            System.arraycopy(described, 0, bytes, HEADER + group.length, described.length);
            System.arraycopy(payload, 0, bytes, HEADER + group.length + described.length, payload.length);
            entries.put(entryKey, Bytes.string(bytes));
            keepNear(key, new NearEntry(value, expiresAt, this, own.group, own.groupToken, own.epoch, dependencies),
                    own.changesBefore);
        } finally {
            releaseLease(entryKey);
        }
    }

    /** Releases the lease this node took for {@code key}, if any: its load will store nothing. */
    @Override
    public void abandon(Object key) {
        releaseLease(KeyEncoder.entry(key));
    }

    @Override
    public void remove(Object key) {
        if (near != null) {
            near.remove(key);
        }
        entries.remove(KeyEncoder.entry(key));
    }

    /**
     * Replaces the group's token. If the token cache refuses, the region owes a drop ({@link SharedTokens#owe}:
     * this call returns, with the provider's exception, only once the other nodes have stopped serving
     * from the store) until an {@link #invalidateAll} succeeds.
     */
    @Override
    public void invalidateGroup(List<?> group) {
        try {
            shared.replace(KeyEncoder.group(name, group));
        } catch (RuntimeException e) {
            shared.owe(this);
            throw e;
        }
    }

    /** Replaces the region's epoch; on failure the region owes a drop, as for {@link #invalidateGroup}. */
    @Override
    public void invalidateAll() {
        try {
            repair();
        } catch (RuntimeException e) {
            shared.owe(this);
            throw e;
        }
    }

    /** Replaces the epoch, and if no drop failed meanwhile, clears what the region owed. */
    void repair() {
        Long debt = shared.debt(this);
        try {
            shared.replace(epochKey);
        } finally {
            if (near != null) {
                near.clear();
            }
        }
        shared.repaired(this, debt);
    }

    @Override
    public void resetEpoch() {
        invalidateAll();
    }

    // ------------------------------------------------------------------ leases

    private StoredValue awaitOrLease(Object key, String entryKey) {
        String id = entryKey;
        CompletableFuture<StoredValue> mine = new CompletableFuture<>();
        CompletableFuture<StoredValue> running = waits.putIfAbsent(id, mine);
        if (running != null) {
            // Another thread of this node already waits for this key: wait with it, then read for ourselves.
            // Its answer may predate an invalidation that completed before this call began, so it is only a
            // signal; a null read means this thread's engine loads (its single-flight joins the lease holder).
            try {
                running.get(2 * leaseMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (TimeoutException e) {
                return null;
            }
            return fetch(key, entryKey);
        }
        try {
            StoredValue answer = leaseOrWait(key, entryKey, id);
            mine.complete(answer);
            return answer;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            waits.remove(id, mine);
        }
    }

    /**
     * Takes the lease of the key (null: this node loads) or waits for the node holding it to store the
     * entry (the entry). Bounded: after twice the lease period it answers null, and this node loads.
     */
    private StoredValue leaseOrWait(Object key, String entryKey, String id) {
        String leaseKey = KeyEncoder.lease(entryKey);
        long giveUpAt = leaseClock.getAsLong() + 2 * leaseMillis;
        long pauseNanos = TimeUnit.MILLISECONDS.toNanos(1);
        for (;;) {
            long now = leaseClock.getAsLong();
            String lease = leaseValue(now + leaseMillis);
            if (shared.cache.putIfAbsent(leaseKey, lease)) {
                return leased(key, entryKey, id, leaseKey, lease);
            }
            Object holder = shared.cache.get(leaseKey);
            if (holder instanceof String held && held.length() == 16) {
                byte[] heldBytes = Bytes.bytes(held);
                if (Bytes.getLong(heldBytes, 0) == shared.node) {
                    return null;      // this node holds it: its single-flight load runs or will run
                }
                if (Bytes.getLong(heldBytes, 8) < now && shared.cache.replace(leaseKey, held, lease)) {
                    return leased(key, entryKey, id, leaseKey, lease);   // the holder let its lease expire
                }
            }
            if (now >= giveUpAt || Thread.currentThread().isInterrupted()) {
                return null;
            }
            LockSupport.parkNanos(pauseNanos);
            pauseNanos = Math.min(pauseNanos * 2, TimeUnit.MILLISECONDS.toNanos(20));
            NearEntry loaded = fetch(key, entryKey);
            if (loaded != null) {
                return loaded;
            }
        }
    }

    /**
     * This node has just taken the lease. A loader stores its entry before it releases its lease, so the
     * entry of a load that ended just before is visible now: serve it and hand the lease back instead of
     * loading a second time.
     */
    private StoredValue leased(Object key, String entryKey, String id, String leaseKey, String lease) {
        NearEntry loaded = fetch(key, entryKey);
        if (loaded != null) {
            shared.cache.remove(leaseKey, lease);
            return loaded;
        }
        heldLeases.put(id, lease);
        return null;
    }

    private String leaseValue(long deadline) {
        byte[] lease = new byte[16];
        Bytes.putLong(lease, 0, shared.node);
        Bytes.putLong(lease, 8, deadline);
        return Bytes.string(lease);
    }

    private void releaseLease(String entryKey) {
        if (leaseMillis <= 0 || heldLeases.isEmpty()) {
            return;
        }
        String lease = heldLeases.remove(entryKey);
        if (lease != null) {
            shared.cache.remove(KeyEncoder.lease(entryKey), lease);
        }
    }

    @Override
    public String toString() {
        return "EncodedRegion[" + name + " in " + cacheName + ", near " + mode + "]";
    }

    /**
     * The dependencies in an entry's bytes: a count, then for each its group token, its epoch, and the
     * lengths and bytes of its group key and its region's epoch key. Token keys and numbers only: nothing
     * here goes through the codec, whose allow-list still decides every class of the payload.
     */
    private static byte[] encode(EncodedDependency[] dependencies) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(64 * dependencies.length);
        byte[] number = new byte[8];
        Bytes.putInt(number, 0, dependencies.length);
        out.write(number, 0, 4);
        for (EncodedDependency dependency : dependencies) {
            Bytes.putLong(number, 0, dependency.groupToken());
            out.write(number, 0, 8);
            Bytes.putLong(number, 0, dependency.epoch());
            out.write(number, 0, 8);
            for (String key : new String[] {dependency.group(), dependency.epochKey()}) {
                byte[] bytes = Bytes.bytes(key);
                Bytes.putInt(number, 0, bytes.length);
                out.write(number, 0, 4);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toByteArray();
    }

    /** Reads the dependencies {@link #encode} wrote, checking every length against the bytes there are. */
    private static final class Reader {

        private final String stored;
        private final byte[] bytes;
        int at;

        Reader(String stored, byte[] bytes, int at) {
            this.stored = stored;
            this.bytes = bytes;
            this.at = at;
        }

        /** The dependencies, or {@code null} if the bytes are not well formed. */
        EncodedDependency[] dependencies() {
            if (at + 4 > bytes.length) {
                return null;
            }
            int count = Bytes.getInt(bytes, at);
            at += 4;
            if (count <= 0 || count > io.triggercache.jcache.JCacheStore.MAX_DEPENDENCIES) {
                return null;
            }
            EncodedDependency[] dependencies = new EncodedDependency[count];
            for (int i = 0; i < count; i++) {
                if (at + 16 > bytes.length) {
                    return null;
                }
                long groupToken = Bytes.getLong(bytes, at);
                long epoch = Bytes.getLong(bytes, at + 8);
                at += 16;
                String group = key();
                String epochKey = group == null ? null : key();
                if (epochKey == null) {
                    return null;
                }
                dependencies[i] = new EncodedDependency(group, groupToken, epochKey, epoch);
            }
            return dependencies;
        }

        private String key() {
            if (at + 4 > bytes.length) {
                return null;
            }
            int length = Bytes.getInt(bytes, at);
            at += 4;
            if (length < 0 || at + length > bytes.length) {
                return null;
            }
            String key = stored.substring(at, at + length);
            at += length;
            return key;
        }
    }

    /**
     * One group an encoded entry was computed from, besides its own: the token keys and the tokens under
     * which the other cached value was current (I9).
     */
    record EncodedDependency(String group, long groupToken, String epochKey, long epoch) {
    }

    /** A decoded entry: what the near tier holds and what a hit returns. */
    static final class NearEntry implements StoredValue {

        private final Object value;
        private final long expiresAt;
        final EncodedRegion region;
        final String group;
        final long groupToken;
        final long epoch;
        final EncodedDependency[] dependencies;
        /**
         * For an entry with dependencies ({@code null} otherwise): every token key it was stamped under, its
         * own group and epoch first, and the tokens, so that one bulk read checks them all.
         */
        final String[] checkKeys;
        final long[] checkTokens;

        NearEntry(Object value, long expiresAt, EncodedRegion region, String group, long groupToken, long epoch,
                  EncodedDependency[] dependencies) {
            this.value = value;
            this.expiresAt = expiresAt;
            this.region = region;
            this.group = group;
            this.groupToken = groupToken;
            this.epoch = epoch;
            this.dependencies = dependencies;
            if (dependencies == null) {
                this.checkKeys = null;
                this.checkTokens = null;
            } else {
                int n = 2 + 2 * dependencies.length;
                this.checkKeys = new String[n];
                this.checkTokens = new long[n];
                checkKeys[0] = group;
                checkTokens[0] = groupToken;
                checkKeys[1] = region.epochKey;
                checkTokens[1] = epoch;
                for (int i = 0; i < dependencies.length; i++) {
                    checkKeys[2 + 2 * i] = dependencies[i].group();
                    checkTokens[2 + 2 * i] = dependencies[i].groupToken();
                    checkKeys[3 + 2 * i] = dependencies[i].epochKey();
                    checkTokens[3 + 2 * i] = dependencies[i].epoch();
                }
            }
        }

        @Override
        public boolean selfContained() {
            return dependencies == null;
        }

        /** Whether every token it was stamped under is current in the shared cache: one bulk read. */
        boolean readCurrent(SharedTokens shared) {
            long[] current = new long[checkKeys.length];
            shared.readAll(checkKeys, current);
            return Arrays.equals(current, checkTokens);
        }

        /** Whether the dependencies' tokens are current in the {@code NEAR} mirror, without a round trip. */
        boolean mirroredDependenciesCurrent(SharedTokens shared) {
            for (int i = 2; i < checkKeys.length; i++) {
                if (!shared.isCurrent(checkKeys[i], checkTokens[i])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Object value() {
            return value;
        }

        @Override
        public long expiresAt() {
            return expiresAt;
        }

        @Override
        public String toString() {
            return "NearEntry[group=" + KeyEncoder.describe(group) + ", expiresAt=" + expiresAt
                    + (dependencies == null ? "" : ", " + dependencies.length + " dependencies") + "]";
        }
    }

    /**
     * The tokens a load began under, the mirror's event counter before it read them, the time of the
     * invalidation they stand for, and the other cached values the load used ({@link #dependOn}).
     */
    static final class EncodedTicket implements LoadTicket {

        final EncodedRegion region;
        final String group;
        final long groupToken;
        final long epoch;
        final long changesBefore;
        private final long invalidatedAt;
        private List<EncodedDependency> dependencies;     // null until the first dependOn
        boolean refused;                                  // a dependency could not be recorded: put stores nothing

        EncodedTicket(EncodedRegion region, String group, long groupToken, long epoch, long changesBefore,
                      long invalidatedAt) {
            this.region = region;
            this.group = group;
            this.groupToken = groupToken;
            this.epoch = epoch;
            this.changesBefore = changesBefore;
            this.invalidatedAt = invalidatedAt;
        }

        @Override
        public long invalidatedAt() {
            return invalidatedAt;
        }

        /**
         * Records a {@link NearEntry} or an {@link EncodedTicket} of a region of the same store, with its own
         * dependencies (flattened, without duplicates). Refuses, and from then on makes {@link #put} store
         * nothing, an object of another kind or store and a dependency that would take the ticket past
         * {@value io.triggercache.jcache.JCacheStore#MAX_DEPENDENCIES}.
         */
        @Override
        public boolean dependOn(Object dependency) {
            List<EncodedDependency> added = new ArrayList<>(4);
            if (dependency instanceof NearEntry entry && entry.region.shared == region.shared) {
                added.add(new EncodedDependency(entry.group, entry.groupToken, entry.region.epochKey, entry.epoch));
                if (entry.dependencies != null) {
                    added.addAll(List.of(entry.dependencies));
                }
            } else if (dependency instanceof EncodedTicket ticket && ticket.region.shared == region.shared
                    && !ticket.refused) {
                added.add(new EncodedDependency(ticket.group, ticket.groupToken, ticket.region.epochKey, ticket.epoch));
                if (ticket.dependencies != null) {
                    added.addAll(ticket.dependencies);
                }
            } else {
                refused = true;
                return false;
            }
            List<EncodedDependency> merged = dependencies == null ? new ArrayList<>(added.size())
                    : new ArrayList<>(dependencies);
            for (EncodedDependency each : added) {
                boolean own = each.group().equals(group) && each.groupToken() == groupToken
                        && each.epochKey().equals(region.epochKey) && each.epoch() == epoch;
                if (!own && !merged.contains(each)) {
                    merged.add(each);
                }
            }
            if (merged.size() > io.triggercache.jcache.JCacheStore.MAX_DEPENDENCIES) {
                refused = true;
                return false;
            }
            dependencies = merged;
            return true;
        }

        /** The recorded dependencies, or {@code null} for none. */
        EncodedDependency[] dependencies() {
            return dependencies == null || dependencies.isEmpty() ? null
                    : dependencies.toArray(new EncodedDependency[0]);
        }

        @Override
        public String toString() {
            return "Ticket[" + region.name + " " + KeyEncoder.describe(group)
                    + (dependencies == null ? "" : ", " + dependencies.size() + " dependencies") + "]";
        }
    }
}
