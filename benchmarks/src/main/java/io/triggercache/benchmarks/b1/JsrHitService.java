package io.triggercache.benchmarks.b1;

import io.triggercache.benchmarks.support.Item;
import javax.cache.annotation.CacheResult;

/** B1's anchor: the same two methods under JSR-107's {@code @CacheResult}, run by Spring's JCache support. */
public class JsrHitService {

    public static final String ONE = "jsr-one";
    public static final String THREE = "jsr-three";

    @CacheResult(cacheName = ONE)
    public Item one(long id) {
        return new Item(id, "one");
    }

    @CacheResult(cacheName = THREE)
    public Item three(long id, String lang, int page) {
        return new Item(id, lang + page);
    }
}
