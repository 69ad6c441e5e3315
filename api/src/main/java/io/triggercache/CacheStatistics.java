package io.triggercache;

import java.util.Collection;

/**
 * The per-method counters of the cached methods of this application, readable from code
 * ({@code @Inject CacheStatistics statistics}).
 *
 * <p>Counters are kept per node, in memory, without locks; a snapshot is consistent per counter,
 * not across counters. Thread-safe.
 */
public interface CacheStatistics {

    /**
     * The counters of one method.
     *
     * @param name the method's name (see {@link Cached#name()})
     * @throws IllegalArgumentException if no cached method has this name
     */
    MethodStatistics of(String name);

    /** The counters of every cached method, sorted by name. */
    Collection<MethodStatistics> all();
}
