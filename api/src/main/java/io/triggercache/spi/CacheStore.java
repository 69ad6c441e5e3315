package io.triggercache.spi;

/**
 * The storage of cached entries and of the group tokens that make invalidation exact: the SPI between
 * the engine and a cache (the JCache bridge implements it over any {@code javax.cache} provider).
 *
 * <p>A store hands out one {@link Region} per cached method, at deployment. Implementations are
 * thread-safe. Any method may throw a {@link RuntimeException} when the underlying cache fails; the
 * engine treats that as a store fault (the call runs uncached, the invalidation is retried).
 */
public interface CacheStore extends AutoCloseable {

    /** Opens the region of one cached method. Called once per method, at deployment. */
    Region region(RegionSpec spec);

    /** Drops every entry and token of every region. */
    void clear();

    /** Releases what the store holds (caches it created); the store is not used afterwards. */
    @Override
    void close();
}
