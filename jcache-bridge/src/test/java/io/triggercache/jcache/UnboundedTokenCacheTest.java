package io.triggercache.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggercache.spi.RegionSpec;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import javax.cache.CacheManager;
import javax.cache.spi.CachingProvider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A store on a provider it knows nothing of (here Ehcache behind a provider of another class) cannot bound the
 * token cache it would create: it refuses at the first region, says what to configure, and leaves no cache
 * behind; a token cache the application created is used as it is.
 */
class UnboundedTokenCacheTest {

    private final CacheManager ehcache = TestManagers.ehcache();
    private final CacheManager unknown = unknownProvider(ehcache);

    @AfterEach
    void close() {
        ehcache.close();
    }

    @Test
    void region_whenTheStoreWouldCreateAnUnboundedTokenCache_isRefusedWithTheFix() {
        JCacheStore store = JCacheStore.builder(unknown).codec(EhcacheCodecStoreTest.CODEC).build();

        assertThatThrownBy(() -> store.region(new RegionSpec("posts", "entries", 100)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("JCacheStore.region: the token cache " + JCacheStore.TOKEN_CACHE + " would be unbounded")
                .hasMessageContaining("maxTokens " + JCacheStore.DEFAULT_SHARED_MAX_TOKENS)
                .hasMessageContaining("Fix: create it in the provider's own configuration with a size bound");
        assertThat(ehcache.getCache(JCacheStore.TOKEN_CACHE)).as("the unbounded token cache, left behind").isNull();
        store.close();
    }

    @Test
    void region_withATokenCacheTheApplicationCreated_usesIt() {
        TestManagers.preconfigureEhcache(ehcache, JCacheStore.TOKEN_CACHE, 1_000);
        JCacheStore store = JCacheStore.builder(unknown).codec(EhcacheCodecStoreTest.CODEC).build();

        var region = store.region(new RegionSpec("posts", "entries", 100));
        region.put("k", region.beginLoad(java.util.List.of()), "v", Long.MAX_VALUE);

        assertThat(region.get("k").value()).isEqualTo("v");
        store.close();
    }

    /** The manager, seen through a provider of a class the store does not know. */
    private static CacheManager unknownProvider(CacheManager target) {
        CachingProvider provider = (CachingProvider) Proxy.newProxyInstance(UnboundedTokenCacheTest.class.getClassLoader(),
                new Class<?>[] {CachingProvider.class}, (p, method, args) -> invoke(target.getCachingProvider(), method, args));
        return (CacheManager) Proxy.newProxyInstance(UnboundedTokenCacheTest.class.getClassLoader(),
                new Class<?>[] {CacheManager.class}, (p, method, args) -> method.getName().equals("getCachingProvider")
                        ? provider : invoke(target, method, args));
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

}
