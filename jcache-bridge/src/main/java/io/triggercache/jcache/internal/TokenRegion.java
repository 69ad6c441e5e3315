package io.triggercache.jcache.internal;

import io.triggercache.spi.LoadTicket;
import io.triggercache.spi.StoredValue;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import javax.cache.Cache;

/**
 * A {@link io.triggercache.spi.Region} over one JCache cache, made exact by tokens: the protocol shared by both token
 * placements ({@link LocalTokenRegion}, {@link SharedTokenRegion}).
 *
 * <h2>Protocol</h2>
 * Each group (region name + suffix values) has a <em>group token</em> and the region has an
 * <em>epoch</em>, both random non-zero 64-bit values, each stamped with the time of the invalidation that
 * put it in place ({@link Token}).
 * <ul>
 *   <li>{@code beginLoad(g)} reads the token of {@code g}, creating a fresh one with {@code putIfAbsent}
 *       when there is none, and reads the epoch the same way; the ticket carries both, and answers
 *       {@link LoadTicket#invalidatedAt()} with the later of their two times plus the store's clock margin.</li>
 *   <li>{@code put(k, ticket, v)} stores an {@link Entry} holding {@code v}, the group key, the two
 *       values of the ticket and the tokens of the other cached values the load used
 *       ({@link LoadTicket#dependOn}). It does not check them: a stale put is harmless because of the next
 *       rule.</li>
 *   <li>{@code get(k)} returns the entry only if the group token and the epoch it holds are both the
 *       current ones, and so are those of each of its dependencies. A missing token means "not current".</li>
 *   <li>{@code invalidateGroup(g)} replaces the token of {@code g} with a fresh value stamped with the
 *       time of the call; {@code invalidateAll()} replaces the epoch the same way. Only {@code beginLoad}
 *       and the invalidations write tokens, and always a fresh value.</li>
 * </ul>
 * Only {@code get}, {@code put}, {@code putIfAbsent} and {@code remove} are used on the JCache caches (no
 * entry processors, which some providers do not run atomically).
 *
 * <h2>Why no load that began before an invalidation is served after it (I3)</h2>
 * Let a load read token value {@code t} in {@code beginLoad}, and let an invalidation of its group
 * complete afterwards. From that moment {@code t} is gone from the token store, and no later operation
 * can bring it back: tokens are only ever written as a fresh random value, by {@code putIfAbsent} in
 * {@code beginLoad} or by the replacement an invalidation makes (a value equal to {@code t} has
 * probability 2<sup>-64</sup>). So every {@code get} that starts after the invalidation reads, for the
 * group, either nothing or a token written later, and rejects the entry stamped {@code t}, whenever that
 * entry was put: before the invalidation, after it, or while it ran. The same holds for the epoch and
 * {@code invalidateAll}, and for the tokens of every dependency an entry records: an entry computed from a
 * value whose group is invalidated afterwards carries that group's dead token and is rejected (I9). The
 * interleavings that look delicate:
 * <ul>
 *   <li><em>Token replaced between {@code beginLoad} and {@code put}</em> (of the entry's group, or of a
 *       dependency's between {@code dependOn} and {@code put}): the put stores an entry stamped with a dead
 *       token; it is never served and is overwritten or evicted later.</li>
 *   <li><em>Another load reads the new token meanwhile</em>: it gets a new value {@code t2}; the old
 *       load's entry still carries {@code t} and is rejected. If the old load's put lands after the new
 *       one's, the key holds the stale entry and the next get misses and reloads: lost hit rate only.</li>
 *   <li><em>{@code putIfAbsent} loses to a concurrent creator</em>: the winner's value is read back and
 *       used; if an invalidation replaced it before that read, the load keeps its own fresh value,
 *       which was never stored, so its result is never served (the invalidation was concurrent with
 *       {@code beginLoad}, where either outcome is allowed).</li>
 *   <li><em>Token or epoch evicted for size</em>: the entries of that group miss until a new
 *       {@code beginLoad}. Eviction costs hits, never freshness.</li>
 *   <li><em>Entry evicted, token kept</em>: a plain miss.</li>
 *   <li><em>Entry read before the invalidation, token read after</em>: the get overlaps the
 *       invalidation, so either answer is allowed; the token read decides.</li>
 * </ul>
 * Invalidation cost does not depend on the number of entries in the group: one write. Stale entries
 * are not deleted; they are rejected on read and replaced by the next put or evicted by the cache's
 * size bound, so no per-group key set is ever kept. An invalidation of a group that has no token writes
 * one (so that its time is known), which the token store's bound covers like any other token.
 *
 * <h2>When a load may have read data older than an invalidation</h2>
 * The token a ticket read answers when the group and the region were last invalidated, as far as the
 * store knows: the engine stores a value only if the load read nothing older
 * ({@link io.triggercache.spi.ReadBarrier#readsSince()}). Where the store lost the history (a token
 * evicted, or missing in a shared cache), the token created in its place answers a time no earlier than the
 * forgotten invalidation: {@link LocalTokens#floor()} under {@code LOCAL}, the moment of the creation under
 * {@code SHARED}, where evictions cannot be observed. See {@code docs/store.md}.
 *
 * <h2>Hot path</h2>
 * {@link #get} allocates nothing: the entry holds its group key, the returned {@link StoredValue} is
 * the entry itself, and the token check compares primitives. An entry without dependencies costs one null
 * check more; one with {@code k} costs {@code k} more token checks.
 *
 * <p>Thread-safe. Provider exceptions propagate unchanged.
 */
public abstract sealed class TokenRegion implements StoreRegion permits LocalTokenRegion, SharedTokenRegion {

    private final String name;
    private final String cacheName;
    private final Cache<Object, Object> entries;
    final Tokens tokens;
    final Clock clock;
    private final long clockMarginNanos;   // added to a drop's time (ViewClock nanoseconds)

    TokenRegion(String name, String cacheName, Cache<Object, Object> entries, Tokens tokens, Clock clock,
                long clockMarginMillis) {
        this.name = Objects.requireNonNull(name, "name");
        this.cacheName = Objects.requireNonNull(cacheName, "cacheName");
        this.entries = Objects.requireNonNull(entries, "entries");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clockMarginNanos = Math.multiplyExact(clockMarginMillis, 1_000_000L);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String cacheName() {
        return cacheName;
    }

    @Override
    public final StoredValue get(Object key) {
        // instanceof rather than a cast: an object of another kind (a foreign writer, a previous
        // deployment's class loader) under one of our keys is a miss, and the next put replaces it
        Object stored = entries.get(key);
        if (stored instanceof Entry entry && isCurrent(entry)) {
            return entry;
        }
        return null;
    }

    @Override
    public final LoadTicket beginLoad(List<?> group) {
        GroupKey key = new GroupKey(name, group);
        Token groupToken = groupToken(key);
        Token epoch = epoch();
        long invalidatedAt = Math.max(groupToken.invalidatedAt(), epoch.invalidatedAt());
        return new Ticket(this, key, groupToken.value(), epoch.value(), invalidatedAt + clockMarginNanos);
    }

    @Override
    public final void put(Object key, LoadTicket ticket, Object value, long expiresAt) {
        if (!(ticket instanceof Ticket own) || own.region != this) {
            throw new IllegalArgumentException("put on region " + name + " with a ticket from another region: " + ticket
                    + ". Pass the ticket returned by this region's beginLoad.");
        }
        if (own.refused()) {
            return;                              // a dependency could not be recorded: the value is not stored
        }
        entries.put(key, new Entry(value, expiresAt, this, own.group, own.groupToken, own.epoch, own.dependencies()));
    }

    @Override
    public final void remove(Object key) {
        entries.remove(key);
    }

    @Override
    public final void invalidateGroup(List<?> group) {
        replaceGroupToken(new GroupKey(name, group));
    }

    /**
     * Whether both tokens the entry was stamped with, and those of each of its dependencies, are still
     * current. Allocation-free.
     */
    private boolean isCurrent(Entry entry) {
        return isCurrent(entry.group, entry.groupToken, entry.epoch)
                && (entry.dependencies == null || Dependency.allCurrent(entry.dependencies));
    }

    /** Whether the group token and this region's epoch are the given ones. Allocation-free. */
    abstract boolean isCurrent(GroupKey group, long groupToken, long epoch);

    /** Whether {@code other} belongs to the same store, whose tokens this region can check. */
    final boolean sameStore(TokenRegion other) {
        return other.tokens == tokens;
    }

    /** The group's current token, created fresh if missing. */
    abstract Token groupToken(GroupKey group);

    /** The region's current epoch, created fresh if missing. */
    abstract Token epoch();

    /** Replaces the group's token with a fresh one stamped with the clock's time. */
    abstract void replaceGroupToken(GroupKey group);

    /**
     * Makes every entry of the region not current without touching other regions; the store calls it
     * from {@code clear()}. Same effect as {@link #invalidateAll()}.
     */
    @Override
    public abstract void resetEpoch();

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + " in " + cacheName + "]";
    }
}
