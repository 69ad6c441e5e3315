package io.triggercache.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triggercache.jcache.EmbeddedProvider;
import io.triggercache.jcache.JCacheStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine's own hit path takes no lock: a hit outside a transaction completes while another thread holds every
 * monitor and lock of the engine and of the embedded store, and concurrent hits never block or park. (Inside a
 * transaction with pending changes a hit also reads that transaction's own monitor, {@code PendingTransaction.touches};
 * see docs/store.md, "Embedded stores".)
 */
class HitPathLockTest {

    private static final String NAME = ClassicService.class.getName() + ".title";

    private final ClassicService db = new ClassicService();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private TriggerCacheEngine engine;

    @AfterEach
    void close() throws InterruptedException {
        release.countDown();
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        if (engine != null) {
            engine.close();
        }
    }

    @ParameterizedTest
    @EnumSource(EmbeddedProvider.class)
    void hit_completesWhileAnotherThreadHoldsEveryLockOfTheEngineAndOfTheStore(EmbeddedProvider provider) throws Exception {
        JCacheStore store = JCacheStore.embedded(provider);
        engine = TriggerCacheEngine.builder().store(store, true).dropsPerMethod(16)
                .build(Harness.definitions(ClassicService.class));
        Calls calls = new Calls(engine, db);
        Method title = Calls.method(ClassicService.class, "title");
        db.titles.put(1L, "one");
        calls.call(title, 1L);                                                // db hit
        calls.call(title, 1L);                                                // cache hit: the Method is known by identity now
        CachedMethod m = ((Map<?, CachedMethod>) field(engine, "byName")).get(NAME);

        // every object the engine or the store synchronizes on, and the method's repair lock
        List<Object> monitors = List.of(engine, field(engine, "writes"), field(engine, "transactions"),
                field(engine, "reads"), m, m.drops, m.region, store, field(store, "localTokens"));
        CountDownLatch held = new CountDownLatch(1);
        AtomicBoolean holdsAll = new AtomicBoolean();
        Future<?> holder = pool.submit(() -> {
            holdAll(monitors, 0, () -> {
                m.repairLock.lock();
                try {
                    holdsAll.set(monitors.stream().allMatch(Thread::holdsLock) && m.repairLock.isHeldByCurrentThread());
                    held.countDown();
                    release.await(30, TimeUnit.SECONDS);
                } finally {
                    m.repairLock.unlock();
                }
            });
            return null;
        });
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(holdsAll).isTrue();

        Future<Integer> hits = pool.submit(() -> {
            for (int i = 0; i < 1000; i++) {
                assertThat(calls.call(title, 1L)).isEqualTo("one");          // cache hit
            }
            return 1000;
        });
        assertThat(hits.get(10, TimeUnit.SECONDS)).isEqualTo(1000);          // completed with every lock held elsewhere
        assertThat(held.getCount()).isZero();
        assertThat(release.getCount()).isOne();                              // ... and still held
        assertThat(engine.of(NAME).hits()).isEqualTo(1001);
        assertThat(engine.of(NAME).misses()).isEqualTo(1);
        assertThat(db.queries).hasValue(1);

        // control: a path that does take one of these locks (a whole-region drop) waits for the holder
        Thread drop = new Thread(m.region::invalidateAll, "whole-region drop");
        drop.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> drop.getState() == Thread.State.BLOCKED);
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        drop.join(10_000);
        assertThat(drop.isAlive()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(EmbeddedProvider.class)
    void concurrentHits_neverBlockOnAMonitor_norPark(EmbeddedProvider provider) throws Exception {
        engine = TriggerCacheEngine.builder().store(JCacheStore.embedded(provider), true)
                .build(Harness.definitions(ClassicService.class));
        Calls calls = new Calls(engine, db);
        Method title = Calls.method(ClassicService.class, "title");
        Long[] ids = new Long[64];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (long) i;
            db.titles.put(ids[i], "post " + i);
            calls.call(title, ids[i]);                                        // db hit
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int threadCount = 4;
        int perThread = 200_000;
        CyclicBarrier start = new CyclicBarrier(threadCount);
        List<Future<long[]>> results = new ArrayList<>();
        for (int t = 0; t < threadCount; t++) {
            int offset = t;
            results.add(pool.submit(() -> {
                for (int i = 0; i < 10_000; i++) {                            // warm-up: class loading, JIT
                    calls.call(title, ids[(i + offset) & 63]);
                }
                start.await(10, TimeUnit.SECONDS);
                ThreadInfo before = threads.getThreadInfo(Thread.currentThread().getId());
                for (int i = 0; i < perThread; i++) {
                    calls.call(title, ids[(i + offset) & 63]);                // cache hit
                }
                ThreadInfo after = threads.getThreadInfo(Thread.currentThread().getId());
                return new long[] {after.getBlockedCount() - before.getBlockedCount(),
                        after.getWaitedCount() - before.getWaitedCount()};
            }));
        }
        for (Future<long[]> f : results) {
            long[] counts = f.get(60, TimeUnit.SECONDS);
            assertThat(counts[0]).as("times a hitting thread blocked on a monitor").isZero();
            assertThat(counts[1]).as("times a hitting thread waited or parked").isZero();
        }
        assertThat(engine.of(NAME).hits()).isEqualTo(threadCount * (10_000L + perThread));
        assertThat(engine.of(NAME).misses()).isEqualTo(64);
        assertThat(db.queries).hasValue(64);
    }

    private static void holdAll(List<Object> monitors, int i, Blocking inner) throws Exception {
        if (i == monitors.size()) {
            inner.run();
            return;
        }
        synchronized (monitors.get(i)) {
            holdAll(monitors, i + 1, inner);
        }
    }

    private interface Blocking {
        void run() throws Exception;
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(owner);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(owner.getClass().getName() + "." + name);
    }
}
