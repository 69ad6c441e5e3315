package io.triggercache.benchmarks.b3;

import io.triggercache.benchmarks.support.Item;
import org.springframework.cache.annotation.Cacheable;

/** B3's cached method under Spring's {@code @Cacheable}, without and with {@code sync}. */
public class SpringStampedeService {

    static final String PLAIN = "stampede-plain";
    static final String SYNC = "stampede-sync";

    @Cacheable(PLAIN)
    public Item load(long id) {
        Loads.load();
        return new Item(id, "loaded");
    }

    @Cacheable(cacheNames = SYNC, sync = true)
    public Item loadSync(long id) {
        Loads.load();
        return new Item(id, "loaded");
    }
}
