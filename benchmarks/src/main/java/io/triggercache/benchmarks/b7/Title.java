package io.triggercache.benchmarks.b7;

import java.io.Serializable;

/**
 * The value the B7 methods return: small, immutable and {@link Serializable}, since a store over a shared cache
 * encodes values with its codec (the benchmark allows this class on the codec's allow-list).
 *
 * @param id   the id it was loaded for
 * @param text some text
 */
public record Title(long id, String text) implements Serializable {
}
