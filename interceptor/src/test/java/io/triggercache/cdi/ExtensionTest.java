package io.triggercache.cdi;

import static io.triggercache.testing.Changes.insert;
import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.CacheInspector;
import io.triggercache.CacheStatistics;
import io.triggercache.Invalidator;
import io.triggercache.MethodStatistics;
import io.triggercache.spi.ChangeSink;
import io.triggercache.spi.ChangeSinks;
import io.triggercache.spi.TransactionChanges;
import io.triggercache.testing.Comment;
import io.triggercache.testing.Post;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The extension and the interceptor in a real CDI container (Weld SE). */
@EnableWeld
class ExtensionTest {

    private static final String PRICE = ShopService.class.getName() + ".price";
    private static final String COMMENTS = ShopService.class.getName() + ".comments";

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .addBeanClasses(ShopService.class, ReportService.class, OnlyVisible.class, Moderation.class)
                    .addExtension(new TriggerCacheExtension()))
            .activate(ApplicationScoped.class).build();

    @Inject
    ShopService shop;
    @Inject
    ReportService reports;
    @Inject
    Invalidator invalidator;
    @Inject
    CacheStatistics statistics;
    @Inject
    ChangeSink sink;
    @Inject
    Event<PriceChanged> priceEvents;
    @Inject
    CacheInspector inspector;

    @BeforeEach
    void reset() {
        ShopService.prices.clear();
        ShopService.runs.set(0);
        ReportService.runs.set(0);
    }

    @Test
    void cachedMethod_throughTheInterceptor_hitsOnSecondCall() {
        ShopService.prices.put(1L, "9.99");
        assertThat(shop.price(1L)).isEqualTo("9.99");                  // db hit
        assertThat(shop.price(1L)).isEqualTo("9.99");                  // cache hit
        assertThat(shop.uncached()).isEqualTo("u2");                   // not cached: runs
        assertThat(ShopService.runs).hasValue(2);
        MethodStatistics s = statistics.of(PRICE);
        assertThat(s.hits()).isEqualTo(1);
        assertThat(s.misses()).isEqualTo(1);
        assertThat(s.loads()).isEqualTo(1);
    }

    @Test
    void inspector_isInjectable_andExplainsAnEventDropThroughTheInterceptor() {
        ShopService.prices.put(1L, "9.99");
        shop.price(1L);
        assertThat(inspector.explain(PRICE, 1L).cached()).isTrue();

        priceEvents.fire(new PriceChanged(1L));

        CacheInspector.Explanation e = inspector.explain(PRICE, 1L);
        assertThat(e.cached()).isFalse();
        assertThat(e.lastDrop()).hasValueSatisfying(d -> {
            assertThat(d.source()).isEqualTo(CacheInspector.Source.EVENT);
            assertThat(d.cause()).isEqualTo("event PriceChanged (productId) -> group [1]");
        });
        assertThat(inspector.method(PRICE).triggers()).anySatisfy(t -> assertThat(t).startsWith("PriceChanged event"));
    }

    @Test
    void applicationEvent_firedThroughCdi_dropsItsGroup() {
        ShopService.prices.put(1L, "9.99");
        ShopService.prices.put(2L, "5.00");
        shop.price(1L);
        shop.price(2L);
        ShopService.prices.put(1L, "7.99");
        priceEvents.fire(new PriceChanged(1L));

        assertThat(shop.price(1L)).isEqualTo("7.99");                  // db hit: group 1 dropped
        assertThat(shop.price(2L)).isEqualTo("5.00");                  // cache hit
        assertThat(ShopService.runs).hasValue(3);
        assertThat(statistics.of(PRICE).invalidations()).isEqualTo(1);
    }

    @Test
    void applicationEvent_firedAsynchronously_dropsItsGroup_afterTheFiringTransactionCommits() throws Exception {
        ShopService.prices.put(1L, "9.99");
        ShopService.prices.put(2L, "5.00");
        shop.price(1L);
        shop.price(2L);
        var tx = sink.transaction(new Object());                      // the firing thread is in a transaction
        ShopService.prices.put(1L, "7.99");                            // its write, not visible to others until commit
        priceEvents.fireAsync(new PriceChanged(1L)).toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(statistics.of(PRICE).invalidations()).isZero();      // pending: nothing dropped before the commit
        tx.completed(true);

        assertThat(shop.price(1L)).isEqualTo("7.99");                  // db hit: group 1 dropped after the commit
        assertThat(shop.price(2L)).isEqualTo("5.00");                  // cache hit
        assertThat(ShopService.runs).hasValue(3);
        assertThat(statistics.of(PRICE).invalidations()).isEqualTo(1);
    }

    @Test
    void applicationEvent_firedAsynchronously_outsideATransaction_dropsAtOnce_alsoThroughSelect() throws Exception {
        ShopService.prices.put(1L, "9.99");
        shop.price(1L);
        ShopService.prices.put(1L, "7.99");
        priceEvents.select(PriceChanged.class).fireAsync(new PriceChanged(1L)).toCompletableFuture()
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(shop.price(1L)).isEqualTo("7.99");                  // db hit
        assertThat(ShopService.runs).hasValue(2);
    }

    @Test
    void invalidatorBean_dropsAGroup() {
        shop.price(1L);
        shop.price(2L);
        invalidator.invalidateGroup(PRICE, 1L);
        shop.price(1L);                                                // db hit
        shop.price(2L);                                                // cache hit
        assertThat(ShopService.runs).hasValue(3);
    }

    @Test
    void changeSinkBean_isTheDeploymentsEngine_andCheckerBeanWithInjectionFilters() {
        Post post = new Post(42L, "p");
        String first = shop.comments(post);
        TransactionChanges tx = sink.transaction("tx");
        tx.add(insert(Comment.class, 1L, "id", 1L, "text", "spam", "post", post));
        tx.completed(true);
        assertThat(shop.comments(post)).isEqualTo(first);              // cache hit: checker (a bean) said no

        tx = sink.transaction("tx2");
        tx.add(insert(Comment.class, 2L, "id", 2L, "text", "hello", "post", post));
        tx.completed(true);
        assertThat(shop.comments(post)).isNotEqualTo(first);           // db hit
        assertThat(statistics.of(COMMENTS).loads()).isEqualTo(2);
        assertThat(ChangeSinks.find(Thread.currentThread().getContextClassLoader())).isSameAs(sink);
    }

    @Test
    void classLevelCached_cachesNonVoidMethods_andLeavesVoidMethodsAlone() {
        reports.daily("mon");
        reports.daily("mon");                                          // cache hit
        reports.touch();
        reports.touch();                                               // void: runs every time
        assertThat(ReportService.runs).hasValue(3);
        assertThat(statistics.of(ReportService.class.getName() + ".daily").hits()).isEqualTo(1);
    }
}
