package io.triggercache.spi;

import java.util.List;

/**
 * The entries of one cached method in a {@link CacheStore}, organised in groups that can be dropped
 * without scanning keys.
 *
 * <p>A <em>group</em> is the list of suffix values of an entry ({@link List#of()} for a method without
 * suffix). The contract, which the store contract tests check on every provider:
 * <ol>
 *   <li>{@link #beginLoad(List)} captures the state of a group; {@link #put} stores a value stamped with
 *       it.</li>
 *   <li>{@link #get(Object)} returns an entry only while neither its group nor the whole region has been
 *       invalidated since the {@code beginLoad} that preceded its {@code put}. So a load that began before
 *       an invalidation is never served after it, whatever the interleaving (no stale set).</li>
 *   <li>Invalidation costs the same whatever the number of entries in the group.</li>
 * </ol>
 * Keys are opaque objects with value equality, unique across the regions sharing a cache.
 *
 * <p>Thread-safe. Methods may throw {@link RuntimeException} on a store fault.
 */
public interface Region {

    /**
     * Whether the region can be used now. A store shared by several nodes answers {@code false} while it
     * cannot vouch for what it holds (another node may owe a drop that the store did not accept), and its
     * {@link #get} then answers {@code null}. The engine asks after a {@code get} found nothing: if the region
     * is not available, it runs the method without storing the result, and counts a bypass rather than a
     * miss. The default, for a store only this node writes, is {@code true}.
     */
    default boolean available() {
        return true;
    }

    /**
     * The current entry for {@code key}, or {@code null} if there is none, it is no longer current, or the
     * region is not {@linkplain #available() available}.
     * The hot path: no allocation, one or two reads.
     */
    StoredValue get(Object key);

    /** Captures the current state of a group before a load. */
    LoadTicket beginLoad(List<?> group);

    /**
     * Stores a loaded value stamped with the ticket of the load.
     *
     * @param expiresAt the time (engine clock, milliseconds) after which the engine will not serve it;
     *                  {@link Long#MAX_VALUE} for none. Informative for the store.
     */
    void put(Object key, LoadTicket ticket, Object value, long expiresAt);

    /** Removes one entry (an expired one). */
    void remove(Object key);

    /**
     * Says that the load begun after a miss of {@code key} on this node will not store anything (the method
     * threw, returned an uncached {@code null}, or read its own transaction's uncommitted changes): a store
     * that reserved the key for this node (a load lease across nodes) releases it now, so that other nodes
     * waiting for the value load it themselves instead of waiting out the lease. The default does nothing.
     */
    default void abandon(Object key) {
    }

    /** Makes every entry of the group not current. */
    void invalidateGroup(List<?> group);

    /** Makes every entry of the region not current. */
    void invalidateAll();
}
