/**
 * The container-free engine: compiled declarations, keys, lookup, single-flight, TTL with jitter, the
 * trigger index and per-transaction pending changes. {@link io.triggercache.engine.TriggerCacheEngine} is
 * its entry point; everything else is package-private.
 */
package io.triggercache.engine;
