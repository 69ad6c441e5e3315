package io.triggercache.benchmarks.support;

import java.io.Serializable;

/**
 * The value every benchmarked method returns: small and immutable, so that hits measure the cache and not
 * the value. Serializable, so that the dependency benchmark of B7 can store it in a shared cache.
 *
 * @param id    the id it was loaded for
 * @param title some text
 */
public record Item(long id, String title) implements Serializable {
}
