/**
 * The triggercache store over JSR-107 ({@code javax.cache}): {@link io.triggercache.jcache.JCacheStore},
 * with Ehcache 3 as the embedded default and any JCache provider behind an application's own
 * {@link javax.cache.CacheManager}. See {@code docs/store.md} for the protocol and the provider notes.
 */
package io.triggercache.jcache;
