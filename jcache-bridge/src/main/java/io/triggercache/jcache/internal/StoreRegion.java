package io.triggercache.jcache.internal;

import io.triggercache.spi.Region;

/** What the store needs of each region it opened, whichever protocol variant it runs. */
public interface StoreRegion extends Region {

    /** The region's name (the cached method's name). */
    String name();

    /** The name of the cache holding the region's entries. */
    String cacheName();

    /** Makes every entry of the region not current; the store calls it from {@code clear()}. */
    void resetEpoch();
}
