/**
 * The user-facing API of triggercache: {@link io.triggercache.Cached} and {@link io.triggercache.Trigger}
 * to declare cached methods and what drops their entries, the function interfaces
 * {@link io.triggercache.SuffixFunction} and {@link io.triggercache.Checker}, the
 * {@link io.triggercache.Change} they receive, and the injectable {@link io.triggercache.Invalidator} and
 * {@link io.triggercache.CacheStatistics}.
 */
package io.triggercache;
