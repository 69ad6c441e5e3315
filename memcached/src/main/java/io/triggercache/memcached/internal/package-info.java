/**
 * The JCache view of memcached servers that {@link io.triggercache.memcached.MemcachedStore} runs the shared
 * store protocol on: not an API, may change without notice.
 */
package io.triggercache.memcached.internal;
