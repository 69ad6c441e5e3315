/**
 * The CDI integration: {@link io.triggercache.cdi.TriggerCacheExtension} (scans and validates at deployment,
 * builds the engine, registers the {@code Invalidator}, {@code CacheStatistics} and {@code ChangeSink} beans)
 * and the {@link io.triggercache.cdi.CachedInterceptor}.
 */
package io.triggercache.cdi;
