package io.triggercache.benchmarks.support;

import javax.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.jcache.JCacheCacheManager;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * A Spring context with caching enabled ({@code @Cacheable} and, because JSR-107 and
 * {@code spring-context-support} are present, {@code @CacheResult}) over Spring's
 * {@link JCacheCacheManager} wrapping a given JCache manager: the anchor "Spring on the same provider".
 */
public final class SpringApp implements AutoCloseable {

    /** Turns Spring's caching on; the cache manager bean is registered by {@link #start}. */
    @Configuration(proxyBeanMethods = false)
    @EnableCaching
    public static class CachingConfig {
    }

    private final AnnotationConfigApplicationContext context;
    private final CacheManager manager;

    private SpringApp(AnnotationConfigApplicationContext context, CacheManager manager) {
        this.context = context;
        this.manager = manager;
    }

    /**
     * Starts a context holding {@code beans} over {@code manager}, which must already contain the caches
     * the beans name (Spring's JCache manager looks them up, it does not create them). The manager is
     * closed with the context.
     */
    public static SpringApp start(CacheManager manager, Class<?>... beans) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean("cacheManager", JCacheCacheManager.class, () -> new JCacheCacheManager(manager));
        context.register(CachingConfig.class);
        context.register(beans);
        context.refresh();
        return new SpringApp(context, manager);
    }

    /** The bean (Spring's caching proxy) of a type. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
        manager.close();
    }
}
