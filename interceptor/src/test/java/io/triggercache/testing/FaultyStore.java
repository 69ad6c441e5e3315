package io.triggercache.testing;

import io.triggercache.spi.CacheStore;
import io.triggercache.spi.LoadTicket;
import io.triggercache.spi.Region;
import io.triggercache.spi.RegionSpec;
import io.triggercache.spi.StoredValue;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A store that delegates to a real one and throws on every operation while it is {@linkplain #down() down}. */
public final class FaultyStore implements CacheStore {

    private final CacheStore delegate;
    private volatile boolean down;
    private volatile boolean unavailable;
    public final AtomicInteger failures = new AtomicInteger();
    /** Loads that told the store they will store nothing. */
    public final AtomicInteger abandoned = new AtomicInteger();
    /** The specs of the regions opened, in order. */
    public final List<RegionSpec> specs = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Runs before every {@code put} reaches the store (a test may throw or block in it). */
    public volatile Runnable onPut = () -> { };
    /** Runs before every {@code invalidateAll} reaches the store (a test may throw or block in it). */
    public volatile Runnable onInvalidateAll = () -> { };

    public FaultyStore(CacheStore delegate) {
        this.delegate = delegate;
    }

    public void down() {
        down = true;
    }

    public void up() {
        down = false;
    }

    /**
     * Makes {@link Region#available()} answer {@code false}, and {@code get} nothing, as a shared store that
     * cannot vouch for a peer.
     */
    public void unavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    private void check() {
        if (down) {
            failures.incrementAndGet();
            throw new IllegalStateException("store is down (injected fault)");
        }
    }

    @Override
    public Region region(RegionSpec spec) {
        specs.add(spec);
        Region r = delegate.region(spec);
        return new Region() {
            @Override
            public boolean available() {
                return !unavailable && r.available();
            }

            @Override
            public StoredValue get(Object key) {
                check();
                return unavailable ? null : r.get(key);
            }

            @Override
            public LoadTicket beginLoad(List<?> group) {
                check();
                return r.beginLoad(group);
            }

            @Override
            public void put(Object key, LoadTicket ticket, Object value, long expiresAt) {
                check();
                onPut.run();
                r.put(key, ticket, value, expiresAt);
            }

            @Override
            public void remove(Object key) {
                check();
                r.remove(key);
            }

            @Override
            public void abandon(Object key) {
                abandoned.incrementAndGet();
                check();
                r.abandon(key);
            }

            @Override
            public void invalidateGroup(List<?> group) {
                check();
                r.invalidateGroup(group);
            }

            @Override
            public void invalidateAll() {
                onInvalidateAll.run();
                check();
                r.invalidateAll();
            }
        };
    }

    @Override
    public void clear() {
        check();
        delegate.clear();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
