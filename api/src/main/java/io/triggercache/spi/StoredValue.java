package io.triggercache.spi;

/** An entry read from a {@link Region}: the value and the time until which it may be served. */
public interface StoredValue {

    /** The stored value (the engine's null marker for a cached {@code null}). */
    Object value();

    /** Engine-clock milliseconds after which the entry must not be served; {@link Long#MAX_VALUE} for never. */
    long expiresAt();
}
