package io.triggercache.jcache.internal;

import com.hazelcast.config.CacheConfig;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MaxSizePolicy;

import javax.cache.CacheManager;
import javax.cache.configuration.Configuration;

/**
 * Hazelcast specifics: a cache bounded in Hazelcast's own terms. Touches Hazelcast's classes, so it is loaded
 * only through {@link #isHazelcast}, which first checks that Hazelcast's cache manager type is visible here.
 * Stateless.
 */
final class HazelcastBounds {

    private HazelcastBounds() {
    }

    /** Whether the manager is a Hazelcast one whose classes this class can see. */
    static boolean isHazelcast(CacheManager manager) {
        Class<?> type;
        try {
            type = Class.forName("com.hazelcast.cache.HazelcastCacheManager", false, HazelcastBounds.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        return type.isInstance(manager);
    }

    /**
     * A cache of at most about {@code maxEntries} entries on each member: Hazelcast's {@code ENTRY_COUNT} policy,
     * least recently used first. Hazelcast applies it per member and approximates it per partition (271 by
     * default), so small bounds are coarse; the cluster holds up to members &times; bound entries.
     */
    static Configuration<Object, Object> bounded(long maxEntries) {
        CacheConfig<Object, Object> configuration = new CacheConfig<>();
        configuration.setTypes(Object.class, Object.class);
        configuration.setEvictionConfig(new EvictionConfig()
                .setSize((int) Math.min(Integer.MAX_VALUE, Math.max(1, maxEntries)))
                .setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT)
                .setEvictionPolicy(EvictionPolicy.LRU));
        return configuration;
    }
}
