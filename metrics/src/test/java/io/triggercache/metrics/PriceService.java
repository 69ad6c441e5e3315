package io.triggercache.metrics;

import io.triggercache.Cached;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Cached methods whose counters the tests read through meters and MBeans. */
@ApplicationScoped
public class PriceService {

    static final String PRICE = PriceService.class.getName() + ".price";
    static final String BANNER = PriceService.class.getName() + ".banner";
    static final String BROKEN = PriceService.class.getName() + ".broken";

    static final Map<Long, String> prices = new ConcurrentHashMap<>();
    static final AtomicInteger runs = new AtomicInteger();

    @Cached(suffix = "productId", cache = "shop-prices")
    public String price(long productId) {
        runs.incrementAndGet();
        return prices.getOrDefault(productId, "none");
    }

    @Cached
    public String banner() {
        runs.incrementAndGet();
        return "banner #" + runs.get();
    }

    @Cached
    public String broken() {
        runs.incrementAndGet();
        throw new IllegalStateException("the database is down");
    }

    static void reset() {
        prices.clear();
        runs.set(0);
    }
}
