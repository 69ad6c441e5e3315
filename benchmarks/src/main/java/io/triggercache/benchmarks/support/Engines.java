package io.triggercache.benchmarks.support;

import io.triggercache.Cached;
import io.triggercache.engine.MethodDefinition;
import io.triggercache.engine.TriggerCacheEngine;
import io.triggercache.jcache.JCacheStore;
import io.triggercache.spi.CacheStore;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import javax.cache.CacheManager;

/**
 * Builds the container-free engine the way the CDI extension does (one {@link MethodDefinition} per
 * {@code @Cached} method, a {@link JCacheStore} over the application's manager), for the benchmarks that
 * measure the library without the container's proxy and interceptor chain.
 */
public final class Engines {

    private Engines() {
    }

    /** An engine over {@code manager} for the given {@code @Cached} methods, caches bounded to {@code maxEntries}. */
    public static TriggerCacheEngine over(CacheManager manager, long maxEntries, List<Method> methods) {
        return over(new JCacheStore(manager), true, maxEntries, methods);
    }

    /**
     * An engine over a given store for the given {@code @Cached} methods; the engine closes the store when
     * {@code owned}, as the extension does with the store it builds.
     */
    public static TriggerCacheEngine over(CacheStore store, boolean owned, long maxEntries, List<Method> methods) {
        return over(store, owned, maxEntries, methods, -1);
    }

    /**
     * As {@link #over(CacheStore, boolean, long, List)}, with the inspector's ring of recent drops holding
     * {@code dropsPerMethod} per method (0: drops not recorded; negative: the engine's default).
     */
    public static TriggerCacheEngine over(CacheStore store, boolean owned, long maxEntries, List<Method> methods, int dropsPerMethod) {
        List<MethodDefinition> definitions = new ArrayList<>();
        for (Method m : methods) {
            Cached cached = m.getAnnotation(Cached.class);
            if (cached == null) {
                throw new IllegalArgumentException(m + " is not @Cached");
            }
            definitions.add(new MethodDefinition(m.getDeclaringClass(), m, cached, false));
        }
        TriggerCacheEngine.Builder builder = TriggerCacheEngine.builder()
                .store(store, owned)
                .maxEntries(cache -> maxEntries);
        if (dropsPerMethod >= 0) {
            builder.dropsPerMethod(dropsPerMethod);
        }
        return builder.build(definitions);
    }

    /** The public method {@code name} of {@code type} with the given parameter types. */
    public static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " has no public method " + name, e);
        }
    }
}
