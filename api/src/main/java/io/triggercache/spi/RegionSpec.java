package io.triggercache.spi;

import io.triggercache.Cached;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a store needs to know to open the {@link Region} of one cached method.
 *
 * @param name       the method's name, unique in the deployment
 * @param cacheName  the cache to hold the entries (several methods may share one)
 * @param maxEntries the size bound of that cache, when the store creates it
 * @param near       the near tier the method asks for ({@link Cached#near()}); a store only this node uses ignores it
 * @param groupOf    the group of an entry from its key (the keys the engine passes to the region), for a store that
 *                   needs it beside the key, such as one copying entries from another store
 *                   ({@code io.triggercache.jcache.FallbackStore}); {@code null} when not known
 */
public record RegionSpec(String name, String cacheName, long maxEntries, Cached.Near near, Function<Object, List<?>> groupOf) {

    /** @throws NullPointerException if {@code near} is null (use {@link Cached.Near#DEFAULT}) */
    public RegionSpec {
        Objects.requireNonNull(near, "near");
    }

    /** A spec whose groups are not known from keys. */
    public RegionSpec(String name, String cacheName, long maxEntries, Cached.Near near) {
        this(name, cacheName, maxEntries, near, null);
    }

    /** A spec with the store's default near tier. */
    public RegionSpec(String name, String cacheName, long maxEntries) {
        this(name, cacheName, maxEntries, Cached.Near.DEFAULT, null);
    }
}
