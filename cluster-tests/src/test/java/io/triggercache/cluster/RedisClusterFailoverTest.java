package io.triggercache.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.cluster.node.Article;
import io.triggercache.engine.MethodDefinition;
import io.triggercache.engine.TriggerCacheEngine;
import io.triggercache.rediscluster.RedisClusterNodes;
import io.triggercache.rediscluster.RedisClusterStore;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
 * A Redis Cluster the test starts on loopback ports (3 masters, 3 replicas, {@code cluster-node-timeout} 1 s), two
 * application nodes (two engines in this JVM, each with its own {@link RedisClusterStore} and Lettuce client, as two
 * JVMs would have), readers on both and a writer committing new versions of eight articles, each commit followed by
 * the drop of that article's group on node A. Mid-run one master is killed (SIGKILL); the cluster promotes its
 * replica. Every business call must succeed, no read that began after a commit's drop returned may give an older
 * version, and the store must work again without errors, on both nodes: the times that takes are reported.
 */
@Tag("services")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisClusterFailoverTest {

    private static final int ARTICLES = 8;
    private static final String METHOD = "redisClusterTitle";

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

    private RedisClusterNodes cluster;
    private final Titles titles = new Titles();
    private TriggerCacheEngine a;
    private TriggerCacheEngine b;
    private final List<RedisClusterStore> stores = new ArrayList<>();
    private final Method title = method();
    /** The version of each article whose drop has returned: a read that starts later must see at least it. */
    private final AtomicLongArray published = new AtomicLongArray(ARTICLES);

    @BeforeAll
    void start() {
        cluster = RedisClusterNodes.start(1_000);
        try {
            a = node("A");
            b = node("B");
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private TriggerCacheEngine node(String name) {
        RedisClusterStore store = RedisClusterStore.builder(cluster.addresses())
                .keyPrefix("failover")
                .topologyRefresh(Duration.ofSeconds(1))
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
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void masterKilledMidRun_replicaPromoted_noCallFails_noStaleRead_andTheStoreWorksAgainOnBothNodes() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        LongAdder calls = new LongAdder();
        LongAdder failures = new LongAdder();
        LongAdder stale = new LongAdder();
        List<String> firstProblems = Collections.synchronizedList(new ArrayList<>());
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
            int victim = cluster.masterPorts().get(0);
            int replica = cluster.replicaOf(victim);
            long errorsAtKill = errors();
            long killedAt = System.nanoTime();
            cluster.kill(victim);
            // the cluster fails the master over: its replica says it is a master and the cluster is ok again
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .until(() -> cluster.isOkMaster(replica));
            long promotedAt = System.nanoTime();
            // both clients' topology has the promoted replica as a master (periodic or adaptive refresh)
            String promoted = "127.0.0.1:" + replica;
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                    .until(() -> stores.stream().allMatch(s -> s.masters().contains(promoted)
                            && !s.masters().contains("127.0.0.1:" + victim)));
            long topologyAt = System.nanoTime();
            // recovered: 1,000 calls in a row without a store error, and hits on both nodes after that
            long[] window = {errors(), calls.sum(), System.nanoTime()};
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> {
                long errors = errors();
                if (errors != window[0]) {
                    window[0] = errors;
                    window[1] = calls.sum();
                    window[2] = System.nanoTime();
                    return false;
                }
                return calls.sum() - window[1] >= 1_000;
            });
            long errorFreeFrom = window[2];
            long hitsOnA = hits(a);
            long hitsOnB = hits(b);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .until(() -> hits(a) > hitsOnA + 20 && hits(b) > hitsOnB + 20);
            long hittingAt = System.nanoTime();
            long errorsDuringFailover = errors() - errorsAtKill;
            long callsAtRecovery = calls.sum();
            long staleAtRecovery = stale.sum();
            await().atMost(Duration.ofSeconds(30)).until(() -> calls.sum() > callsAtRecovery + 2_000); // after recovery
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get(30, TimeUnit.SECONDS);
            }

            TwoNodesContract.report("Redis Cluster master failover (3 masters + 3 replicas, cluster-node-timeout "
                    + cluster.nodeTimeoutMillis() + " ms, 2 nodes in one JVM, STRICT): master 127.0.0.1:" + victim
                    + " killed (SIGKILL); replica promoted " + ms(promotedAt - killedAt) + " ms after the kill, both"
                    + " clients' topology had it " + ms(topologyAt - killedAt) + " ms after, store errors stopped "
                    + ms(errorFreeFrom - killedAt) + " ms after, both nodes hitting again " + ms(hittingAt - killedAt)
                    + " ms after; store errors during the failover " + errorsDuringFailover + "; calls " + calls.sum()
                    + ", failures " + failures.sum() + ", stale " + stale.sum() + " (after recovery "
                    + (stale.sum() - staleAtRecovery) + "), hits A/B " + hits(a) + "/" + hits(b) + ", loads "
                    + titles.loads.sum() + ", bypasses A/B " + a.of(METHOD).bypasses() + "/" + b.of(METHOD).bypasses());

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

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private long hits(TriggerCacheEngine node) {
        return node.of(METHOD).hits();
    }

    private long errors() {
        return a.of(METHOD).errors() + b.of(METHOD).errors();
    }
}
