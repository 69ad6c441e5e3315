package io.triggercache.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.spi.Region;
import io.triggercache.spi.RegionSpec;

import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A store over an application's Ehcache manager configured in XML. */
class EhcacheXmlConfigurationTest {

    private CacheManager manager;
    private JCacheStore store;

    @BeforeEach
    void open() throws URISyntaxException {
        manager = Caching.getCachingProvider(TestManagers.EHCACHE).getCacheManager(
                getClass().getResource("/ehcache-application.xml").toURI(), getClass().getClassLoader());
        store = new JCacheStore(manager);
    }

    @AfterEach
    void close() {
        try {
            store.close();
        } finally {
            manager.close();
        }
    }

    @Test
    void region_onCacheFromApplicationXml_storesThereByReference() {
        Cache<Object, Object> blog = manager.getCache("blog");
        Region posts = store.region(new RegionSpec("com.acme.BlogService.latestPosts", "blog", 10));
        StoreContractTest.Key key = new StoreContractTest.Key("com.acme.BlogService.latestPosts", List.of());
        List<String> value = new ArrayList<>(List.of("post 1", "post 2"));

        posts.put(key, posts.beginLoad(List.of()), value, Long.MAX_VALUE);

        assertThat(posts.get(key).value()).isSameAs(value);
        assertThat(blog.containsKey(key)).isTrue();
        assertThat(store.tokenPlacement()).isEqualTo(TokenPlacement.LOCAL);
    }

    @Test
    void close_ofStoreOverApplicationXml_leavesTheApplicationsCacheOpen() {
        Cache<Object, Object> blog = manager.getCache("blog");
        store.region(new RegionSpec("com.acme.BlogService.latestPosts", "blog", 10));

        store.close();

        assertThat(blog.isClosed()).isFalse();
        assertThat(manager.getCache("blog")).isSameAs(blog);
    }
}
