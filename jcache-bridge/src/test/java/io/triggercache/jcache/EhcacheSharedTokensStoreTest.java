package io.triggercache.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.spi.Region;

import java.util.List;

import javax.cache.Cache;
import javax.cache.CacheManager;

import org.junit.jupiter.api.Test;

/**
 * The store contract on Ehcache 3 with tokens forced into the shared token cache: the protocol that
 * distributed providers get, run here on a local provider until their suites exist.
 */
class EhcacheSharedTokensStoreTest extends StoreContractTest {

    @Override
    protected CacheManager newCacheManager() {
        return TestManagers.ehcache();
    }

    @Override
    protected JCacheStore.Builder configure(JCacheStore.Builder builder) {
        return builder.tokens(TokenPlacement.SHARED);
    }

    @Override
    protected TokenPlacement expectedPlacement() {
        return TokenPlacement.SHARED;
    }

    @Override
    protected void preconfigureCache(CacheManager manager, String name) {
        TestManagers.preconfigureEhcache(manager, name, 1_000);
    }

    @Test
    void beginLoad_withSharedTokens_storesGroupTokenAndEpochInTheTokenCache() {
        Region comments = region("comments");

        comments.beginLoad(List.of(1));
        comments.beginLoad(List.of(2));

        Cache<Object, Object> tokens = manager.getCache(JCacheStore.TOKEN_CACHE);
        long count = 0;
        for (Cache.Entry<Object, Object> token : tokens) {
            // sixteen bytes as a binary string: the token, then the time of the invalidation it stands for
            assertThat(token.getValue()).isInstanceOf(String.class);
            assertThat((String) token.getValue()).hasSize(16);
            count++;
        }
        assertThat(count).isEqualTo(3);   // two groups and the region's epoch
    }

    @Test
    void invalidateGroup_withSharedTokens_replacesOnlyThatGroupsToken() {
        Region comments = region("comments");
        comments.beginLoad(List.of(1));
        comments.beginLoad(List.of(2));
        Cache<Object, Object> tokens = manager.getCache(JCacheStore.TOKEN_CACHE);
        java.util.Map<Object, Object> before = new java.util.HashMap<>();
        tokens.forEach(token -> before.put(token.getKey(), token.getValue()));

        comments.invalidateGroup(List.of(1));

        java.util.Map<Object, Object> after = new java.util.HashMap<>();
        tokens.forEach(token -> after.put(token.getKey(), token.getValue()));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        long changed = before.keySet().stream().filter(key -> !before.get(key).equals(after.get(key))).count();
        assertThat(changed).isEqualTo(1);   // group 1's token, now stamped with the invalidation's time
    }
}
