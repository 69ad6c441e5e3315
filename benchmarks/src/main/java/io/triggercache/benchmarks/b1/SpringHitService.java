package io.triggercache.benchmarks.b1;

import io.triggercache.benchmarks.support.Item;
import org.springframework.cache.annotation.Cacheable;

/** B1's anchor: the same two methods under Spring's {@code @Cacheable} (default key generator). */
public class SpringHitService {

    public static final String ONE = "spring-one";
    public static final String THREE = "spring-three";

    @Cacheable(ONE)
    public Item one(long id) {
        return new Item(id, "one");
    }

    @Cacheable(THREE)
    public Item three(long id, String lang, int page) {
        return new Item(id, lang + page);
    }
}
