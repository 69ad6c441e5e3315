package io.triggercache.jcache.internal;

import io.triggercache.spi.StoredValue;

/**
 * What a region stores under a key: the value, the tokens of the load that computed it and, if that load
 * used other cached values, their tokens ({@link Dependency}).
 *
 * <p>The entry carries its own {@link GroupKey}, so that checking its group on a hit needs no new object.
 * It is returned to the engine as is (no wrapper per hit).
 */
final class Entry implements StoredValue {

    private final Object value;
    private final long expiresAt;
    final TokenRegion region;
    final GroupKey group;
    final long groupToken;
    final long epoch;
    /** The other groups the value was computed from, or {@code null} for none (the common case). */
    final Dependency[] dependencies;

    Entry(Object value, long expiresAt, TokenRegion region, GroupKey group, long groupToken, long epoch,
          Dependency[] dependencies) {
        this.value = value;
        this.expiresAt = expiresAt;
        this.region = region;
        this.group = group;
        this.groupToken = groupToken;
        this.epoch = epoch;
        this.dependencies = dependencies;
    }

    @Override
    public Object value() {
        return value;
    }

    @Override
    public long expiresAt() {
        return expiresAt;
    }

    @Override
    public boolean selfContained() {
        return dependencies == null;
    }

    @Override
    public String toString() {
        return "Entry[group=" + group + ", expiresAt=" + expiresAt
                + (dependencies == null ? "" : ", " + dependencies.length + " dependencies") + "]";
    }
}
