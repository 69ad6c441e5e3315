package io.triggercache.it.server;

import io.triggercache.jcache.JCacheStore;
import io.triggercache.spi.CacheStore;
import io.triggercache.spi.LoadTicket;
import io.triggercache.spi.Region;
import io.triggercache.spi.RegionSpec;
import io.triggercache.spi.StoredValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.util.List;

/**
 * The embedded store with two switches that make it fail, for the readiness check's stories: {@link #failReads}
 * (every read and write of an entry throws, as a store that went away) and {@link #failDrops} (every invalidation
 * throws, so that the drops of a commit are owed). The WAR's {@link Producer} makes it the deployment's store.
 */
public final class HealthSwitchedStore implements CacheStore {

    /** When true, {@code get}, {@code beginLoad}, {@code put} and {@code remove} throw. */
    public static volatile boolean failReads;
    /** When true, {@code invalidateGroup} and {@code invalidateAll} throw. */
    public static volatile boolean failDrops;

    private final JCacheStore delegate;

    HealthSwitchedStore(JCacheStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Region region(RegionSpec spec) {
        Region r = delegate.region(spec);
        return new Region() {
            @Override
            public boolean available() {
                return r.available();
            }

            @Override
            public StoredValue get(Object key) {
                reads();
                return r.get(key);
            }

            @Override
            public LoadTicket beginLoad(List<?> group) {
                reads();
                return r.beginLoad(group);
            }

            @Override
            public void put(Object key, LoadTicket ticket, Object value, long expiresAt) {
                reads();
                r.put(key, ticket, value, expiresAt);
            }

            @Override
            public void remove(Object key) {
                reads();
                r.remove(key);
            }

            @Override
            public void abandon(Object key) {
                r.abandon(key);
            }

            @Override
            public void invalidateGroup(List<?> group) {
                drops();
                r.invalidateGroup(group);
            }

            @Override
            public void invalidateAll() {
                drops();
                r.invalidateAll();
            }
        };
    }

    private static void reads() {
        if (failReads) {
            throw new IllegalStateException("the test switched the store's reads off");
        }
    }

    private static void drops() {
        if (failDrops) {
            throw new IllegalStateException("the test switched the store's invalidations off");
        }
    }

    @Override
    public void clear() {
        delegate.clear();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "switchable " + delegate;
    }

    /** Produces the switchable store over the embedded Ehcache store, and closes it at undeployment. */
    @ApplicationScoped
    public static class Producer {

        @Produces
        @ApplicationScoped
        CacheStore store() {
            failReads = false;
            failDrops = false;
            return new HealthSwitchedStore(JCacheStore.embedded());
        }

        void close(@Disposes CacheStore store) {
            store.close();
        }
    }
}
