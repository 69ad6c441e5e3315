package io.triggercache.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.spi.Region;
import io.triggercache.spi.RegionSpec;
import io.triggercache.spi.StoredValue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.cache.CacheManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Load leases between two stores sharing one manager under the shared-cache protocol, as two nodes sharing
 * a distributed cache: a miss on the second node waits for the first node's load instead of loading.
 *
 * <p>The leases are dated by a clock the test moves by hand, shared by the nodes: a lease expires, and a
 * waiting node gives up, only when the test says so, never because the machine was slow.
 */
class LeaseTest {

    private static final StoreContractTest.Key KEY = new StoreContractTest.Key("posts", 1);

    private final CacheManager manager = TestManagers.ehcache();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final TestClock leaseClock = new TestClock(System.currentTimeMillis());

    private Region node(Duration lease) {
        JCacheStore store = JCacheStore.builder(manager).codec(EhcacheCodecStoreTest.CODEC).near(NearMode.OFF)
                .leasePeriod(lease).leaseClock(leaseClock::millis).build();
        return store.region(new RegionSpec("posts", "entries", 100));
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        manager.close();
    }

    @Test
    void get_missWhileAnotherNodeLoads_waitsAndServesItsValue() throws Exception {
        Region a = node(Duration.ofSeconds(5));
        Region b = node(Duration.ofSeconds(5));

        assertThat(a.get(KEY)).isNull();                       // A misses and takes the lease: A loads
        CompletableFuture<StoredValue> onB = CompletableFuture.supplyAsync(() -> b.get(KEY), pool);
        assertThat(onB).isNotDone();                          // B finds A's lease: it waits rather than loads
        a.put(KEY, a.beginLoad(List.of()), "loaded once, by A", Long.MAX_VALUE);

        assertThat(onB.get(60, TimeUnit.SECONDS).value()).isEqualTo("loaded once, by A");
    }

    @Test
    void get_manyMissesOnTwoNodes_leaveOneLoaderAndServeItsValueToTheOthers() throws Exception {
        Region a = node(Duration.ofSeconds(5));
        Region b = node(Duration.ofSeconds(5));
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<StoredValue>> calls = new java.util.ArrayList<>();
        java.util.Set<Region> loaders = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 16; i++) {
            Region node = i % 2 == 0 ? a : b;
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                StoredValue found = node.get(KEY);
                if (found == null) {
                    // this caller's engine would load; its node holds the lease
                    loaders.add(node);
                    node.put(KEY, node.beginLoad(List.of()), node == a ? "by A" : "by B", Long.MAX_VALUE);
                    return null;
                }
                return found;
            }, pool));
        }
        start.countDown();
        long loads = 0;
        java.util.Set<Object> served = new java.util.HashSet<>();
        for (CompletableFuture<StoredValue> call : calls) {
            StoredValue value = call.get(60, TimeUnit.SECONDS);
            if (value == null) {
                loads++;
            } else {
                served.add(value.value());
            }
        }
        // the callers that got null all belong to the node holding the lease (its engine's single-flight
        // makes them one load); the other node's callers are all served that node's value
        assertThat(loaders).hasSize(1);
        assertThat(served).hasSize(1);
        assertThat(loads).isBetween(1L, 8L);
    }

    @Test
    void get_leaseOfANodeThatNeverStores_isTakenOverAfterItsPeriod() throws Exception {
        Region a = node(Duration.ofMillis(300));
        Region b = node(Duration.ofMillis(300));
        assertThat(a.get(KEY)).isNull();                       // A takes the lease, then dies without storing
        CompletableFuture<StoredValue> onB = CompletableFuture.supplyAsync(() -> b.get(KEY), pool);
        assertThat(onB).isNotDone();                          // A's lease is live: B waits

        leaseClock.advance(301);                               // A's lease period is over
        assertThat(onB.get(60, TimeUnit.SECONDS)).isNull();    // B takes the lease over and loads itself

        // B holds the lease now: A's next miss waits for B's load and serves it
        CompletableFuture<StoredValue> onA = CompletableFuture.supplyAsync(() -> a.get(KEY), pool);
        assertThat(onA).isNotDone();
        b.put(KEY, b.beginLoad(List.of()), "by B", Long.MAX_VALUE);
        assertThat(onA.get(60, TimeUnit.SECONDS).value()).isEqualTo("by B");
    }

    @Test
    void abandon_releasesTheLease_soAWaitingNodeLoadsAtOnce() throws Exception {
        Region a = node(Duration.ofSeconds(30));
        Region b = node(Duration.ofSeconds(30));
        assertThat(a.get(KEY)).isNull();                       // A takes the lease; its load is going to fail
        CompletableFuture<StoredValue> onB = CompletableFuture.supplyAsync(() -> b.get(KEY), pool);
        assertThat(onB).isNotDone();                          // B waits for A

        a.abandon(KEY);                                        // A's load stores nothing
        // the lease clock stands still, so B neither saw the lease expire nor gave up: it took the released lease
        assertThat(onB.get(60, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void leasePeriod_zero_turnsLeasesOff() {
        Region a = node(Duration.ZERO);
        Region b = node(Duration.ZERO);

        assertThat(a.get(KEY)).isNull();
        assertThat(b.get(KEY)).isNull();                       // no waiting: both load
    }
}
