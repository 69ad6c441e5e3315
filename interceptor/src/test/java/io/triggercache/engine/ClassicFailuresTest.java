package io.triggercache.engine;

import static io.triggercache.testing.Changes.insert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triggercache.MethodStatistics;
import io.triggercache.jcache.JCacheStore;
import io.triggercache.testing.Post;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The three classic cache failures, each shown with the feature that answers it (docs/store.md, "The classic
 * failures"): penetration and {@code cacheNulls}, breakdown and single-flight, avalanche and TTL jitter. Counts,
 * not timings: queries to the "database", and the method's hits, misses and loads.
 */
class ClassicFailuresTest {

    private static final String NAME = ClassicService.class.getName() + ".";
    private static final long MINUTE = 60_000;

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Random random = new Random(42);             // seeded: the same spread on every run
    private final ClassicService db = new ClassicService();
    private final TriggerCacheEngine engine = TriggerCacheEngine.builder().store(JCacheStore.embedded(), true)
            .clock(now::get).random(random::nextDouble).build(Harness.definitions(ClassicService.class));
    private final Calls calls = new Calls(engine, db);
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void close() throws InterruptedException {
        db.gate.countDown();
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        engine.close();
    }

    @Test
    void penetration_missingRow_isAQueryPerCall_untilCacheNullsCachesTheNull_whichATriggerDrops() throws Exception {
        for (int i = 0; i < 100; i++) {
            assertThat(calls.call("title", 404L)).isNull();                  // db hit, every time: nothing cached
        }
        assertThat(db.queries).hasValue(100);
        assertCounts("title", 0, 100, 100);

        for (int i = 0; i < 100; i++) {
            assertThat(calls.call("titleOrNull", 404L)).isNull();            // db hit once, then cache hits
        }
        assertThat(db.queries).hasValue(101);
        assertCounts("titleOrNull", 99, 1, 1);

        db.titles.put(404L, "found at last");                                // the row appears: its trigger drops the null
        commit(insert(Post.class, 404L, "id", 404L, "title", "found at last"));
        assertThat(calls.call("titleOrNull", 404L)).isEqualTo("found at last");   // db hit
        assertThat(calls.call("titleOrNull", 404L)).isEqualTo("found at last");   // cache hit
        assertThat(db.queries).hasValue(102);
        assertCounts("titleOrNull", 100, 2, 2);
    }

    @Test
    void breakdown_hotEntryExpiring_under32ConcurrentCallers_isReloadedOnce() throws Exception {
        db.titles.put(1L, "hot");
        assertThat(calls.call("hot", 1L)).isEqualTo("hot");                  // db hit
        assertThat(calls.call("hot", 1L)).isEqualTo("hot");                  // cache hit
        now.addAndGet(10 * MINUTE);                                          // the hot entry expires

        db.gate = new CountDownLatch(1);
        List<Future<Object>> callers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            callers.add(pool.submit(() -> calls.call("hot", 1L)));
        }
        // all 32 have missed: one reloads (held at the gate), 31 wait for its result instead of querying
        await().atMost(Duration.ofSeconds(10)).until(() -> stats("hot").misses() == 33);
        assertThat(db.queries).hasValue(2);
        db.gate.countDown();
        for (Future<Object> f : callers) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("hot");
        }
        assertThat(db.queries).hasValue(2);
        assertCounts("hot", 1, 33, 2);
        assertThat(calls.call("hot", 1L)).isEqualTo("hot");                  // cache hit
        assertCounts("hot", 2, 33, 2);
    }

    @Test
    void avalanche_entriesLoadedTogether_expireTogether_unlessJitterSpreadsThem() throws Exception {
        int keys = 1000;
        for (long id = 0; id < keys; id++) {                                 // a cold start: everything loads at once
            db.titles.put(id, "post " + id);
            calls.call("sameTtl", id);
            calls.call("jitteredTtl", id);
        }
        assertThat(db.queries).hasValue(2 * keys);

        // then every key is read once a minute; count the reloads (queries) each minute brings
        int[] same = new int[14];
        int[] jittered = new int[14];
        for (int minute = 1; minute <= 13; minute++) {
            now.set(1_000_000 + minute * MINUTE);
            same[minute] = queriesFor("sameTtl", keys);
            jittered[minute] = queriesFor("jitteredTtl", keys);
        }

        // without jitter: nothing for 9 minutes, then the whole cache at once, in the 10th
        for (int minute = 1; minute <= 13; minute++) {
            assertThat(same[minute]).as("sameTtl reloads at minute %d", minute).isEqualTo(minute == 10 ? keys : 0);
        }
        // with 20% jitter: none before 8 minutes, all by 12, at most about a third of the keys in any one minute
        int total = 0;
        for (int minute = 1; minute <= 13; minute++) {
            if (minute < 8 || minute > 12) {
                assertThat(jittered[minute]).as("jitteredTtl reloads at minute %d", minute).isZero();
            }
            assertThat(jittered[minute]).as("jitteredTtl reloads at minute %d", minute).isLessThanOrEqualTo(keys / 3);
            total += jittered[minute];
        }
        assertThat(total).isEqualTo(keys);
        assertCounts("sameTtl", 13 * keys - keys, 2 * keys, 2 * keys);
        assertCounts("jitteredTtl", 13 * keys - keys, 2 * keys, 2 * keys);
    }

    private int queriesFor(String method, int keys) throws Exception {
        int before = db.queries.get();
        for (long id = 0; id < keys; id++) {
            assertThat(calls.call(method, id)).isEqualTo("post " + id);
        }
        return db.queries.get() - before;
    }

    private void commit(io.triggercache.Change change) {
        var tx = engine.transaction(new Object());
        tx.add(change);
        tx.completed(true);
    }

    private MethodStatistics stats(String method) {
        return engine.of(NAME + method);
    }

    private void assertCounts(String method, long hits, long misses, long loads) {
        MethodStatistics s = stats(method);
        assertThat(s.hits()).as(method + " hits").isEqualTo(hits);
        assertThat(s.misses()).as(method + " misses").isEqualTo(misses);
        assertThat(s.loads()).as(method + " loads").isEqualTo(loads);
    }
}
