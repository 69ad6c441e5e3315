package io.triggercache.spi;

import io.triggercache.Cached;
import java.util.Objects;

/**
 * What a store needs to know to open the {@link Region} of one cached method.
 *
 * @param name       the method's name, unique in the deployment
 * @param cacheName  the cache to hold the entries (several methods may share one)
 * @param maxEntries the size bound of that cache, when the store creates it
 * @param near       the near tier the method asks for ({@link Cached#near()}); a store only this node uses ignores it
 */
public record RegionSpec(String name, String cacheName, long maxEntries, Cached.Near near) {

    /** @throws NullPointerException if {@code near} is null (use {@link Cached.Near#DEFAULT}) */
    public RegionSpec {
        Objects.requireNonNull(near, "near");
    }

    /** A spec with the store's default near tier. */
    public RegionSpec(String name, String cacheName, long maxEntries) {
        this(name, cacheName, maxEntries, Cached.Near.DEFAULT);
    }
}
