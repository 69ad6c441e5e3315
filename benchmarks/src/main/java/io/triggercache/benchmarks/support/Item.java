package io.triggercache.benchmarks.support;

/**
 * The value every benchmarked method returns: small and immutable, so that hits measure the cache and not
 * the value.
 *
 * @param id    the id it was loaded for
 * @param title some text
 */
public record Item(long id, String title) {
}
