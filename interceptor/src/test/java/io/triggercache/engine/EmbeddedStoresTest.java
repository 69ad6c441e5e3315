package io.triggercache.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.MethodStatistics;
import io.triggercache.jcache.EmbeddedProvider;
import io.triggercache.jcache.JCacheStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine over each embedded store ({@code -Dtriggercache.embedded=ehcache|caffeine}): the same hits, misses
 * and loads, the same size bound and the same expiry, on either.
 */
class EmbeddedStoresTest {

    private static final String NAME = ClassicService.class.getName() + ".";
    private static final long MINUTE = 60_000;

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final ClassicService db = new ClassicService();

    private TriggerCacheEngine engine(EmbeddedProvider provider, long maxEntries) {
        return TriggerCacheEngine.builder().store(JCacheStore.embedded(provider), true).clock(now::get)
                .random(() -> 0.5).maxEntries(cache -> maxEntries).build(Harness.definitions(ClassicService.class));
    }

    @ParameterizedTest
    @EnumSource(EmbeddedProvider.class)
    void hitsMissesLoads_andTtl_areTheSameOnEitherProvider(EmbeddedProvider provider) throws Exception {
        db.titles.put(1L, "one");
        try (TriggerCacheEngine engine = engine(provider, 10_000)) {
            Calls calls = new Calls(engine, db);
            assertThat(calls.call("sameTtl", 1L)).isEqualTo("one");          // db hit
            assertThat(calls.call("sameTtl", 1L)).isEqualTo("one");          // cache hit
            now.addAndGet(10 * MINUTE - 1);
            assertThat(calls.call("sameTtl", 1L)).isEqualTo("one");          // cache hit, 1 ms before expiry
            now.addAndGet(1);
            db.titles.put(1L, "one, edited");
            assertThat(calls.call("sameTtl", 1L)).isEqualTo("one, edited");  // expired: db hit
            assertThat(calls.call("sameTtl", 1L)).isEqualTo("one, edited");  // cache hit

            assertThat(engine.summary()).contains(EmbeddedProvider.CAFFEINE == provider
                    ? "CaffeineCachingProvider" : "EhcacheCachingProvider");
            assertThat(db.queries).hasValue(2);
            assertCounts(engine.of(NAME + "sameTtl"), 3, 2, 2);
        }
    }

    @ParameterizedTest
    @EnumSource(EmbeddedProvider.class)
    void maxEntries_boundsTheMethodsCache_onEitherProvider(EmbeddedProvider provider) throws Exception {
        try (TriggerCacheEngine engine = engine(provider, 10)) {
            Calls calls = new Calls(engine, db);
            for (long id = 0; id < 100; id++) {
                db.titles.put(id, "post " + id);
                calls.call("title", id);                                     // 100 db hits, at most 10 kept
            }
            // what the bound kept, asked without loading anything
            List<Long> kept = new ArrayList<>();
            for (long id = 0; id < 100; id++) {
                if (engine.inspector().explain(NAME + "title", id).cached()) {
                    kept.add(id);
                }
            }
            assertThat(kept).hasSizeBetween(1, 10);
            long evicted = java.util.stream.LongStream.range(0, 100).filter(id -> !kept.contains(id)).findFirst().orElseThrow();

            assertThat(calls.call("title", kept.get(0))).isEqualTo("post " + kept.get(0));   // cache hit
            assertThat(calls.call("title", evicted)).isEqualTo("post " + evicted);           // evicted: db hit
            assertThat(db.queries).hasValue(101);
            assertCounts(engine.of(NAME + "title"), 1, 101, 101);
        }
    }

    private static void assertCounts(MethodStatistics s, long hits, long misses, long loads) {
        assertThat(s.hits()).as("hits").isEqualTo(hits);
        assertThat(s.misses()).as("misses").isEqualTo(misses);
        assertThat(s.loads()).as("loads").isEqualTo(loads);
    }
}
