package io.triggercache.it.server.shared;

import io.triggercache.jcache.JCacheStore;
import java.util.function.IntSupplier;

/**
 * The store the WAR's producer built, for {@code /api/store} to describe (the bean itself is reached through a client
 * proxy of {@code CacheStore}, which hides the implementation).
 */
public final class ProducedStore {

    private static volatile JCacheStore store;
    private static volatile IntSupplier members = () -> -1;

    private ProducedStore() {
    }

    /** Remembers the store; {@code members}: how many members its data grid has now, -1 if the producer cannot tell. */
    public static JCacheStore remember(JCacheStore built, IntSupplier members) {
        ProducedStore.members = members;
        store = built;
        return built;
    }

    static int members() {
        return members.getAsInt();
    }

    static JCacheStore get() {
        return store;
    }
}
