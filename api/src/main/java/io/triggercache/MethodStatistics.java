package io.triggercache;

/**
 * A snapshot of the counters of one cached method, since the application started.
 *
 * @param name          the method's name
 * @param hits          calls answered from the cache
 * @param misses        calls that found no current entry (each either loaded or waited for a load)
 * @param loads         runs of the method to fill the cache (a single-flight load counts once)
 * @param loadFailures  loads that threw (not cached)
 * @param loadTimeNanos total time spent in loads
 * @param invalidations groups or whole-method drops applied
 * @param bypasses      calls that ran the method without the cache: pending changes of the caller's
 *                      transaction, an unapplied invalidation, or a store fault
 * @param errors        store faults (each one also counted in bypasses or ignored on a write)
 */
public record MethodStatistics(
        String name,
        long hits,
        long misses,
        long loads,
        long loadFailures,
        long loadTimeNanos,
        long invalidations,
        long bypasses,
        long errors) {

    /** Hits over hits plus misses, from 0 to 1; 0 when there were no such calls. */
    public double hitRatio() {
        long total = hits + misses;
        return total == 0 ? 0 : (double) hits / total;
    }
}
