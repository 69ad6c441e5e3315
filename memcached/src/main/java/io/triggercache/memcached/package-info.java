/**
 * The memcached store: {@link io.triggercache.memcached.MemcachedStore}, over memcached servers through
 * xmemcached, and {@link io.triggercache.memcached.MemcachedCacheManager}, the JCache view of the servers it
 * runs the shared store protocol on.
 */
package io.triggercache.memcached;
