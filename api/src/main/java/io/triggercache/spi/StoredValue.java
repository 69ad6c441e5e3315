package io.triggercache.spi;

/** An entry read from a {@link Region}: the value and the time until which it may be served. */
public interface StoredValue {

    /** The stored value (the engine's null marker for a cached {@code null}). */
    Object value();

    /** Engine-clock milliseconds after which the entry must not be served; {@link Long#MAX_VALUE} for never. */
    long expiresAt();

    /**
     * Engine-clock milliseconds at which the value was stored, for {@link io.triggercache.CacheInspector#explain};
     * {@link Long#MIN_VALUE} when the store does not keep it (the default). Never read on the hit path.
     */
    default long storedAt() {
        return Long.MIN_VALUE;
    }

    /**
     * Whether the entry is current exactly while its own group and region are: its load used no other cached value
     * ({@link LoadTicket#dependOn}). Only such an entry may be copied into another store under a ticket of its group
     * alone (a store moving entries, {@code io.triggercache.jcache.FallbackStore}). The default, {@code false}, is
     * for stores that do not say: their entries are then never copied.
     */
    default boolean selfContained() {
        return false;
    }
}
