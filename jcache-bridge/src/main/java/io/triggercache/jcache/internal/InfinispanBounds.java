package io.triggercache.jcache.internal;

import javax.cache.Cache;

/**
 * Infinispan specifics: whether a cache is bounded in memory. Touches Infinispan's classes, so it is loaded only
 * through {@link #isBounded}, after {@link Providers#INFINISPAN} matched. Stateless.
 */
final class InfinispanBounds {

    private InfinispanBounds() {
    }

    /** Whether the cache is an Infinispan cache with {@code memory max-count} or {@code max-size}; null: cannot tell. */
    static Boolean isBounded(Cache<Object, Object> cache) {
        Class<?> type;
        try {
            type = Class.forName("org.infinispan.Cache", false, InfinispanBounds.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        return Inspect.bounded(cache.unwrap(type));
    }

    /** Loaded only once {@code org.infinispan.Cache} is known to be visible. */
    private static final class Inspect {
        static Boolean bounded(Object cache) {
            org.infinispan.configuration.cache.MemoryConfiguration memory =
                    ((org.infinispan.Cache<?, ?>) cache).getCacheConfiguration().memory();
            return memory.maxCount() > 0 || memory.maxSize() != null && !memory.maxSize().isBlank();
        }
    }
}
