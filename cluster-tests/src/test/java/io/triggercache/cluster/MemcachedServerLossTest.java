package io.triggercache.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.cluster.node.Article;
import io.triggercache.engine.MethodDefinition;
import io.triggercache.engine.TriggerCacheEngine;
import io.triggercache.memcached.MemcachedServers;
import io.triggercache.memcached.MemcachedStore;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Three memcached servers the test starts on loopback ports, two application nodes (two engines in this JVM,
 * each with its own {@link MemcachedStore} and memcached client, as two JVMs would have), readers on both and a
 * writer committing new versions of eight articles, each commit followed by the drop of that article's group on
 * node A. Mid-run one server is killed (SIGKILL), then restarted empty on its port. Every business call must
 * succeed, no read that began after a commit's drop returned may give an older version, and both nodes must
 * serve hits again after the restart: the time that takes is reported.
 */
@Tag("services")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemcachedServerLossTest {

    private static final int ARTICLES = 8;
    private static final String METHOD = "memcachedTitle";

    /** The cached method, as the application would declare it; reads the "database" below. */
    public static class Titles {
        final AtomicLongArray database = new AtomicLongArray(ARTICLES);
        final LongAdder loads = new LongAdder();

        @Cached(name = METHOD, suffix = "id", triggers = @Trigger(entity = Article.class, suffix = "id"))
        public String title(long id) {
            loads.increment();
            return "v" + database.get((int) id);
        }
    }

    private MemcachedServers servers;
    private final Titles titles = new Titles();
    private TriggerCacheEngine a;
    private TriggerCacheEngine b;
    private final List<MemcachedStore> stores = new ArrayList<>();
    private final Method title = method();
    /** The version of each article whose drop has returned: a read that starts later must see at least it. */
    private final AtomicLongArray published = new AtomicLongArray(ARTICLES);

    @BeforeAll
    void start() {
        servers = MemcachedServers.start(3);
        a = node("A");
        b = node("B");
    }

    private TriggerCacheEngine node(String name) {
        MemcachedStore store = MemcachedStore.builder(servers.addresses())
                .keyPrefix("loss")
                .heartbeat(Duration.ofMillis(100))
                .leasePeriod(Duration.ofSeconds(2))
                .build();
        stores.add(store);
        return TriggerCacheEngine.builder().store(store, true).node(name)
                .build(List.of(new MethodDefinition(Titles.class, title, title.getAnnotation(Cached.class), false)));
    }

    private static Method method() {
        try {
            return Titles.class.getMethod("title", long.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void stop() {
        try {
            if (a != null) {
                a.close();
            }
            if (b != null) {
                b.close();
            }
        } finally {
            if (servers != null) {
                servers.close();
            }
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void serverKilledAndRestartedMidRun_noCallFails_noStaleRead_andBothNodesHitAgain() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        LongAdder calls = new LongAdder();
        LongAdder failures = new LongAdder();
        LongAdder stale = new LongAdder();
        List<String> firstProblems = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<?>> workers = new ArrayList<>();
        for (TriggerCacheEngine node : List.of(a, a, b, b)) {
            workers.add(pool.submit(() -> {
                while (running.get()) {
                    int id = ThreadLocalRandom.current().nextInt(ARTICLES);
                    long atLeast = published.get(id);
                    try {
                        String answer = (String) node.call(title, new Object[] {(long) id}, c -> titles.title(id), null);
                        long version = Long.parseLong(answer.substring(1));
                        if (version < atLeast) {
                            stale.increment();
                            if (firstProblems.size() < 5) {
                                firstProblems.add("stale: article " + id + " v" + version + " after v" + atLeast);
                            }
                        }
                    } catch (Exception e) {
                        failures.increment();
                        if (firstProblems.size() < 5) {
                            firstProblems.add("failure: " + e);
                        }
                    }
                    calls.increment();
                    LockSupport.parkNanos(200_000);     // a reader's pace (5,000 calls/s at most), not an ordering
                }
            }));
        }
        AtomicLongArray committed = new AtomicLongArray(ARTICLES);
        workers.add(pool.submit(() -> {
            while (running.get()) {
                int id = ThreadLocalRandom.current().nextInt(ARTICLES);
                long version = committed.incrementAndGet(id);
                titles.database.set(id, version);                   // the commit
                a.invalidateGroup(METHOD, (long) id);               // its drop, on A (never throws: faults are owed)
                published.set(id, version);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));   // the writer's pace, not an ordering
            }
        }));

        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> hits(a) > 50 && hits(b) > 50);   // warm on both
            long hitsBefore = hits(a) + hits(b);
            long killedAt = System.nanoTime();
            servers.kill(1);
            long errorsAtKill = errors();
            await().atMost(Duration.ofSeconds(30)).until(() -> errors() > errorsAtKill);       // the loss is seen
            long callsDuringOutage = calls.sum();
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));   // the outage lasts 2 s: the scenario, not an ordering
            callsDuringOutage = calls.sum() - callsDuringOutage;
            servers.restart(1);
            long backAt = System.nanoTime();
            // reconnected: both clients hold a connection to every server again (xmemcached heals every second)
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                    .until(() -> stores.stream().allMatch(s -> s.connectedServers() == s.serverCount()));
            long reconnectedAt = System.nanoTime();
            long hitsOnA = hits(a);
            long hitsOnB = hits(b);
            long errorsAtReconnect = errors();
            // recovered: both nodes serve hits again (A once the drop it owes is accepted, B once A's heartbeat is back)
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .until(() -> hits(a) > hitsOnA + 20 && hits(b) > hitsOnB + 20);
            long recoveredAt = System.nanoTime();
            long callsAtRecovery = calls.sum();
            await().atMost(Duration.ofSeconds(30)).until(() -> calls.sum() > callsAtRecovery + 2_000); // after recovery
            long errorsAfterReconnect = errors() - errorsAtReconnect;
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get(30, TimeUnit.SECONDS);
            }

            TwoNodesContract.report("memcached server loss (3 servers, 2 nodes in one JVM, STRICT): server killed for "
                    + TimeUnit.NANOSECONDS.toMillis(backAt - killedAt) + " ms (" + callsDuringOutage + " calls meanwhile),"
                    + " restarted empty; clients reconnected " + TimeUnit.NANOSECONDS.toMillis(reconnectedAt - backAt)
                    + " ms after the restart, both nodes hit again " + TimeUnit.NANOSECONDS.toMillis(recoveredAt - backAt)
                    + " ms after it; store errors after reconnection " + errorsAfterReconnect + "; calls " + calls.sum()
                    + ", failures " + failures.sum() + ", stale " + stale.sum() + ", hits A/B " + hits(a) + "/" + hits(b)
                    + ", loads " + titles.loads.sum() + ", store errors A/B " + a.of(METHOD).errors() + "/"
                    + b.of(METHOD).errors() + ", bypasses A/B " + a.of(METHOD).bypasses() + "/" + b.of(METHOD).bypasses());

            assertThat(hitsBefore).isPositive();
            assertThat(failures.sum()).as("business-call failures: %s", firstProblems).isZero();
            assertThat(stale.sum()).as("stale reads: %s", firstProblems).isZero();
        } finally {
            running.set(false);
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        // after recovery: a commit and its drop on A, then B's next call is fresh, and the one after is a hit
        titles.database.set(3, 1_000);
        a.invalidateGroup(METHOD, 3L);
        assertThat(b.call(title, new Object[] {3L}, c -> titles.title(3), null)).isEqualTo("v1000");
        long hits = b.of(METHOD).hits();
        assertThat(b.call(title, new Object[] {3L}, c -> titles.title(3), null)).isEqualTo("v1000");
        assertThat(b.of(METHOD).hits()).isEqualTo(hits + 1);
    }

    private long hits(TriggerCacheEngine node) {
        return node.of(METHOD).hits();
    }

    private long errors() {
        return a.of(METHOD).errors() + b.of(METHOD).errors();
    }
}
