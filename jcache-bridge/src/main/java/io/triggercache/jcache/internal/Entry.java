package io.triggercache.jcache.internal;

import io.triggercache.spi.StoredValue;

/**
 * What a region stores under a key: the value and the tokens of the load that computed it.
 *
 * <p>The entry carries its own {@link GroupKey}, so that checking its group on a hit needs no new object.
 * It is returned to the engine as is (no wrapper per hit).
 */
final class Entry implements StoredValue {

    private final Object value;
    private final long expiresAt;
    final GroupKey group;
    final long groupToken;
    final long epoch;

    Entry(Object value, long expiresAt, GroupKey group, long groupToken, long epoch) {
        this.value = value;
        this.expiresAt = expiresAt;
        this.group = group;
        this.groupToken = groupToken;
        this.epoch = epoch;
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
    public String toString() {
        return "Entry[group=" + group + ", expiresAt=" + expiresAt + "]";
    }
}
