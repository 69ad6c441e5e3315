package io.triggercache.metrics;

import io.triggercache.MethodStatistics;

/**
 * The counters of one cached method (or cached block) as JMX attributes, registered under
 * {@code io.triggercache:type=CacheStatistics,Cache=<the method's name>} (see {@link TriggerCacheJmx}). Each
 * attribute is read from the engine when it is read, since the application started; see {@link MethodStatistics}
 * for what each one counts.
 */
public interface MethodStatisticsMXBean {

    /** The method's name ({@code @Cached(name)}, by default {@code <declaring class>.<method>}). */
    String getName();

    /** The JCache cache holding the method's entries. */
    String getCacheName();

    /** Calls answered from the cache. */
    long getHits();

    /** Calls that found no current entry. */
    long getMisses();

    /** Runs of the method to fill the cache that returned. */
    long getLoads();

    /** Runs of the method to fill the cache that threw. */
    long getLoadFailures();

    /** The time spent in loads, failed ones included, in nanoseconds. */
    long getLoadTimeNanos();

    /** Groups or whole-method drops applied. */
    long getInvalidations();

    /** Calls that ran the method without the cache. */
    long getBypasses();

    /** Store faults. */
    long getErrors();

    /** Hits over hits plus misses, from 0 to 1; 0 before the first such call. */
    double getHitRatio();
}
