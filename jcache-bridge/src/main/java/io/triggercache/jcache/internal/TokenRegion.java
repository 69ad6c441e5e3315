package io.triggercache.jcache.internal;

import io.triggercache.spi.LoadTicket;
import io.triggercache.spi.StoredValue;

import java.util.List;
import java.util.Objects;

import javax.cache.Cache;

/**
 * A {@link io.triggercache.spi.Region} over one JCache cache, made exact by tokens: the protocol shared by both token
 * placements ({@link LocalTokenRegion}, {@link SharedTokenRegion}).
 *
 * <h2>Protocol</h2>
 * Each group (region name + suffix values) has a <em>group token</em> and the region has an
 * <em>epoch</em>, both random non-zero 64-bit values.
 * <ul>
 *   <li>{@code beginLoad(g)} reads the token of {@code g}, creating a fresh one with {@code putIfAbsent}
 *       when there is none, and reads the epoch the same way; the ticket carries both.</li>
 *   <li>{@code put(k, ticket, v)} stores an {@link Entry} holding {@code v}, the group key and the two
 *       values of the ticket. It does not check them: a stale put is harmless because of the next rule.</li>
 *   <li>{@code get(k)} returns the entry only if the group token and the epoch it holds are both the
 *       current ones. A missing token means "not current".</li>
 *   <li>{@code invalidateGroup(g)} removes the token of {@code g}; {@code invalidateAll()} removes or
 *       replaces the epoch. Only {@code beginLoad} ever creates a token, and always with a fresh value.</li>
 * </ul>
 * Only {@code get}, {@code put}, {@code putIfAbsent} and {@code remove} are used (no entry processors,
 * which some providers do not run atomically).
 *
 * <h2>Why no load that began before an invalidation is served after it (I3)</h2>
 * Let a load read token value {@code t} in {@code beginLoad}, and let an invalidation of its group
 * complete afterwards. From that moment {@code t} is gone from the token store, and no later operation
 * can bring it back: tokens are only ever created by {@code putIfAbsent} of a fresh random value (a
 * value equal to {@code t} has probability 2<sup>-64</sup>). So every {@code get} that starts after the
 * invalidation reads, for the group, either nothing or a token created later, and rejects the entry
 * stamped {@code t}, whenever that entry was put: before the invalidation, after it, or while it ran.
 * The same holds for the epoch and {@code invalidateAll}. The interleavings that look delicate:
 * <ul>
 *   <li><em>Token removed between {@code beginLoad} and {@code put}</em>: the put stores an entry
 *       stamped with a dead token; it is never served and is overwritten or evicted later.</li>
 *   <li><em>Another load re-creates the token meanwhile</em>: it gets a new value {@code t2}; the old
 *       load's entry still carries {@code t} and is rejected. If the old load's put lands after the new
 *       one's, the key holds the stale entry and the next get misses and reloads: lost hit rate only.</li>
 *   <li><em>{@code putIfAbsent} loses to a concurrent creator</em>: the winner's value is read back and
 *       used; if an invalidation removed it before that read, the load keeps its own fresh value,
 *       which was never stored, so its result is never served (the invalidation was concurrent with
 *       {@code beginLoad}, where either outcome is allowed).</li>
 *   <li><em>Token or epoch evicted for size</em>: indistinguishable from an invalidation; the entries of
 *       that group miss until a new {@code beginLoad}. Eviction costs hits, never freshness.</li>
 *   <li><em>Entry evicted, token kept</em>: a plain miss.</li>
 *   <li><em>Entry read before the invalidation, token read after</em>: the get overlaps the
 *       invalidation, so either answer is allowed; the token read decides.</li>
 * </ul>
 * Invalidation cost does not depend on the number of entries in the group: one removal. Stale entries
 * are not deleted; they are rejected on read and replaced by the next put or evicted by the cache's
 * size bound, so no per-group key set is ever kept.
 *
 * <h2>Hot path</h2>
 * {@link #get} allocates nothing: the entry holds its group key, the returned {@link StoredValue} is
 * the entry itself, and the token check compares primitives.
 *
 * <p>Thread-safe. Provider exceptions propagate unchanged.
 */
public abstract sealed class TokenRegion implements StoreRegion permits LocalTokenRegion, SharedTokenRegion {

    private final String name;
    private final String cacheName;
    private final Cache<Object, Object> entries;

    TokenRegion(String name, String cacheName, Cache<Object, Object> entries) {
        this.name = Objects.requireNonNull(name, "name");
        this.cacheName = Objects.requireNonNull(cacheName, "cacheName");
        this.entries = Objects.requireNonNull(entries, "entries");
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
        long groupToken = groupToken(key);
        return new Ticket(this, key, groupToken, epoch());
    }

    @Override
    public final void put(Object key, LoadTicket ticket, Object value, long expiresAt) {
        if (!(ticket instanceof Ticket own) || own.region != this) {
            throw new IllegalArgumentException("put on region " + name + " with a ticket from another region: " + ticket
                    + ". Pass the ticket returned by this region's beginLoad.");
        }
        entries.put(key, new Entry(value, expiresAt, own.group, own.groupToken, own.epoch));
    }

    @Override
    public final void remove(Object key) {
        entries.remove(key);
    }

    @Override
    public final void invalidateGroup(List<?> group) {
        removeGroupToken(new GroupKey(name, group));
    }

    /** Whether both tokens the entry was stamped with are still current. Allocation-free. */
    abstract boolean isCurrent(Entry entry);

    /** The group's current token, created fresh if missing. */
    abstract long groupToken(GroupKey group);

    /** The region's current epoch, created fresh if missing. */
    abstract long epoch();

    abstract void removeGroupToken(GroupKey group);

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
