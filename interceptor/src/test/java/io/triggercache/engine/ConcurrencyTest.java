package io.triggercache.engine;

import static io.triggercache.testing.Changes.insert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triggercache.spi.TransactionChanges;
import io.triggercache.testing.Comment;
import io.triggercache.testing.Post;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Races forced with latches: single-flight (I6), no stale set (I3), fresh after commit (I1), no dirty share (I2). */
class ConcurrencyTest {

    private static final String NAME = GatedService.class.getName() + ".comments";
    private final GatedService service = new GatedService();
    private final Harness h = new Harness(service);
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Post post42 = new Post(42L, "p");

    @AfterEach
    void close() throws InterruptedException {
        service.gate.countDown();
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        h.close();
    }

    @Test
    void sixtyFourConcurrentMisses_runTheMethodOnce_andAllGetItsResult() throws Exception {
        service.db.put(42L, "v1");
        service.gate = new CountDownLatch(1);
        List<Future<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            calls.add(pool.submit(() -> h.call("comments", 42L)));
        }
        // every caller has missed: one is loading (held at the gate), 63 wait for it
        await().atMost(Duration.ofSeconds(10)).until(() -> h.engine.of(NAME).misses() == 64);
        service.gate.countDown();
        for (Future<Object> f : calls) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("v1");
        }
        assertThat(service.runs).hasValue(1);
        assertThat(h.engine.of(NAME).loads()).isEqualTo(1);
        assertThat(h.call("comments", 42L)).isEqualTo("v1");            // cache hit
        assertThat(h.engine.of(NAME).hits()).isEqualTo(1);
    }

    @Test
    void concurrentMisses_whenTheLoadFails_everyCallerGetsTheException_andNothingIsCached() throws Exception {
        service.gate = new CountDownLatch(1);
        service.fail = "boom";
        List<Future<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(pool.submit(() -> h.call("comments", 42L)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> h.engine.of(NAME).misses() == 16);
        service.gate.countDown();
        for (Future<Object> f : calls) {
            try {
                f.get(10, TimeUnit.SECONDS);
                throw new AssertionError("expected the loader's exception");
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(IOException.class).hasMessage("boom");
            }
        }
        assertThat(service.runs).hasValue(1);
        service.fail = null;
        service.db.put(42L, "v");
        assertThat(h.call("comments", 42L)).isEqualTo("v");             // db hit: the failure was not cached
        assertThat(service.runs).hasValue(2);
    }

    @Test
    void loadThatBeganBeforeACommit_isNotServedAfterIt() throws Exception {
        service.db.put(42L, "old");
        service.gate = new CountDownLatch(1);
        Future<Object> reader = pool.submit(() -> h.call("comments", 42L));
        service.read.await(10, TimeUnit.SECONDS);                       // the reader has read "old"

        service.db.put(42L, "new");                                    // the writer commits and invalidates
        h.commit(insert(Comment.class, 1L, "id", 1L, "post", post42));
        service.gate.countDown();                                       // the reader now stores what it read
        assertThat(reader.get(10, TimeUnit.SECONDS)).isEqualTo("old");  // it began before the commit: allowed

        assertThat(h.call("comments", 42L)).isEqualTo("new");           // db hit: the old value was not stored as current
        assertThat(service.runs).hasValue(2);
    }

    @Test
    void callStartingAfterACommit_doesNotJoinALoadThatBeganBeforeIt() throws Exception {
        service.db.put(42L, "old");
        service.gate = new CountDownLatch(1);
        Future<Object> early = pool.submit(() -> h.call("comments", 42L));
        service.read.await(10, TimeUnit.SECONDS);                       // early load read "old" and is held

        service.db.put(42L, "new");
        h.commit(insert(Comment.class, 1L, "id", 1L, "post", post42));
        service.read = new CountDownLatch(1);
        service.gate = new CountDownLatch(0);                           // later loads pass at once
        Future<Object> late = pool.submit(() -> h.call("comments", 42L));

        assertThat(late.get(10, TimeUnit.SECONDS)).isEqualTo("new");    // its own load, not the early one's
        assertThat(early.isDone()).isFalse();
        assertThat(service.runs).hasValue(2);
    }

    @Test
    void waiterOnALoadThatSawItsOwnTransactionsChanges_loadsAgainInsteadOfTakingDirtyData() throws Exception {
        service.db.put(42L, "committed");
        CountDownLatch waiterJoined = new CountDownLatch(1);
        service.gate = new CountDownLatch(1);
        Thread[] leaderThread = new Thread[1];
        TransactionChanges[] tx = new TransactionChanges[1];
        service.beforeRead = () -> {
            if (Thread.currentThread() == leaderThread[0]) {
                // the cached method's own query auto-flushed a change of its transaction
                tx[0].add(insert(Comment.class, 1L, "id", 1L, "post", post42));
                service.db.put(42L, "dirty");
            }
        };
        Future<Object> leader = pool.submit(() -> {
            leaderThread[0] = Thread.currentThread();
            tx[0] = h.engine.transaction("T");
            return h.call("comments", 42L);
        });
        service.read.await(10, TimeUnit.SECONDS);
        Future<Object> waiter = pool.submit(() -> {
            waiterJoined.countDown();
            return h.call("comments", 42L);
        });
        waiterJoined.await();
        await().atMost(Duration.ofSeconds(10)).until(() -> h.engine.of(NAME).misses() == 2);
        service.beforeRead = () -> { };
        service.db.put(42L, "committed");                               // what other transactions see
        service.gate.countDown();

        assertThat(leader.get(10, TimeUnit.SECONDS)).isEqualTo("dirty"); // the leader sees its own write
        assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo("committed"); // not the leader's dirty value
        assertThat(service.runs).hasValue(2);                            // the waiter loaded again
        tx[0].completed(false);
        assertThat(h.call("comments", 42L)).isEqualTo("committed");     // cache hit: the waiter's value; "dirty" never stored
        assertThat(service.runs).hasValue(2);
    }
}
