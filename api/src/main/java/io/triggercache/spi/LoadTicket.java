package io.triggercache.spi;

/**
 * The state of a group captured by {@link Region#beginLoad} before a load, passed back to
 * {@link Region#put}. Opaque to the engine, apart from the two questions below.
 *
 * <p>Not thread-safe: a ticket is used by the thread running its load.
 */
public interface LoadTicket {

    /**
     * The time, in epoch nanoseconds by {@link ViewClock#now()} (taken after the invalidating commit), of the latest invalidation of the
     * ticket's group or of its whole region that the store knew of when the ticket was taken, raised by the
     * store's allowance for clock differences between the nodes that write it (zero for a store only this JVM
     * writes). Where the store cannot tell when the group was last invalidated (its record was evicted, or never
     * kept), it answers a time no earlier than that invalidation could have been: the moment it lost track, or
     * the moment of the call.
     *
     * <p>The engine stores the loaded value only if everything the load read is newer than this time
     * ({@link ReadBarrier#readsSince()}). A load that read through an older snapshot (a persistence context that
     * already held the entity, a REPEATABLE READ transaction that began before the invalidation) would otherwise
     * be stamped with the group's new token although it computed the old data (I1, I3).
     *
     * <p>The default, {@link Long#MAX_VALUE}, is for stores that keep no such times: a load that reads through
     * an older snapshot is then never stored.
     */
    default long invalidatedAt() {
        return Long.MAX_VALUE;
    }

    /**
     * Records that the value being loaded was computed from another cached value, so that the entry
     * {@link Region#put} with this ticket is current only while that value's group (and its own dependencies)
     * are (I9: a fragment rendering cached data is dropped with that data).
     *
     * @param dependency a {@link StoredValue} returned by {@link Region#get} of a region of the same store (a
     *                   hit), or a ticket of such a region whose value was stored (an inner load)
     * @return whether it was recorded; {@code false} when the store cannot record it (an object of another
     *         store, or the bound on dependencies per entry reached): the engine then does not store the value
     */
    default boolean dependOn(Object dependency) {
        return false;
    }
}
