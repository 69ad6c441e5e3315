package io.triggercache.engine;

import static io.triggercache.testing.Changes.insert;
import static io.triggercache.testing.Changes.update;
import static io.triggercache.testing.Changes.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.Change;
import io.triggercache.MethodStatistics;
import io.triggercache.jcache.JCacheStore;
import io.triggercache.spi.TransactionChanges;
import io.triggercache.testing.Comment;
import io.triggercache.testing.Post;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * I1, I3 and I8 for what a load read, not only when it ran: a load through an older snapshot is returned to its
 * caller but never stored as current; writes reported by hand inside a transaction are pending until it commits;
 * the bypasses of a transaction are decided by that transaction alone.
 */
class FreshnessTest {

    private static final String COMMENTS = SnapshotService.class.getName() + ".comments";
    private final SnapshotService service = new SnapshotService();
    private final SwitchableJta jta = new SwitchableJta();
    private final Harness h = new Harness(service, JCacheStore.embedded(), jta);
    private final TestBarrier barrier = new TestBarrier(h.engine);
    private final Post post42 = new Post(42L, "p");

    FreshnessTest() {
        h.engine.addReadBarrier(barrier);
    }

    @AfterEach
    void close() {
        h.close();
    }

    private MethodStatistics stats() {
        return h.engine.of(COMMENTS);
    }

    @Test
    void loadThroughSnapshotOlderThanTheDrop_isReturnedToItsCaller_butNotStored() throws Exception {
        service.committed.put(42L, "v1");
        assertThat(h.call("comments", 42L)).isEqualTo("v1");             // db hit, stored
        long snapshotTaken = io.triggercache.spi.ViewClock.now() - 1;
        service.snapshot.set(Map.of(42L, "v1"));                         // this thread's persistence context holds v1
        barrier.since.set(snapshotTaken);

        service.committed.put(42L, "v2");                                 // another transaction moves on and commits
        h.commit(insert(Comment.class, 7L, "id", 7L, "post", post42));    // drops group 42

        assertThat(h.call("comments", 42L)).isEqualTo("v1");             // db hit through the old snapshot: its own view
        service.snapshot.remove();
        barrier.since.remove();                                           // that transaction ended

        assertThat(h.call("comments", 42L)).isEqualTo("v2");             // db hit: the snapshot's v1 was not stored
        assertThat(h.call("comments", 42L)).isEqualTo("v2");             // cache hit
        MethodStatistics s = stats();
        assertThat(s.loads()).isEqualTo(3);
        assertThat(s.hits()).isEqualTo(1);
        assertThat(s.misses()).isEqualTo(3);
    }

    @Test
    void callerJoiningALoadThroughAnOldSnapshot_getsAFreshValue_notTheSnapshots() throws Exception {
        service.committed.put(42L, "v1");
        long snapshotTaken = io.triggercache.spi.ViewClock.now() - 1;
        service.committed.put(42L, "v2");
        h.commit(insert(Comment.class, 7L, "id", 7L, "post", post42));    // committed after the snapshot was taken

        service.gate = new java.util.concurrent.CountDownLatch(1);
        CompletableFuture<Object> snapshotReader = CompletableFuture.supplyAsync(() -> {
            service.snapshot.set(Map.of(42L, "v1"));
            barrier.since.set(snapshotTaken);
            try {
                return call(42L);                                         // db hit through its old snapshot, held at the gate
            } finally {
                service.snapshot.remove();
                barrier.since.remove();
            }
        });
        assertThat(service.read.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Object> freshCaller = CompletableFuture.supplyAsync(() -> call(42L));   // joins the load in flight
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> stats().misses() == 2);
        service.gate.countDown();
        assertThat(snapshotReader.get(10, TimeUnit.SECONDS)).isEqualTo("v1");   // its own view
        assertThat(freshCaller.get(10, TimeUnit.SECONDS)).isEqualTo("v2");      // started over: not the old snapshot's value
        assertThat(service.runs).hasValue(2);
    }

    @Test
    void loadThatReadNothingOld_isStored() throws Exception {
        service.committed.put(42L, "v1");
        h.commit(insert(Comment.class, 7L, "id", 7L, "post", post42));    // a drop in the past
        barrier.since.set(io.triggercache.spi.ViewClock.now() + 60_000_000_000L); // everything read after it (ns)
        assertThat(h.call("comments", 42L)).isEqualTo("v1");             // db hit, stored
        assertThat(h.call("comments", 42L)).isEqualTo("v1");             // cache hit
        assertThat(stats().loads()).isEqualTo(1);
        assertThat(stats().hits()).isEqualTo(1);
    }

    @Test
    void invalidatorInsideTransaction_isPendingUntilCommit_andAReaderMeanwhileStoresNothingStale() throws Exception {
        service.committed.put(42L, "v1");
        assertThat(h.call("comments", 42L)).isEqualTo("v1");             // db hit, stored
        Object tx = new Object();
        barrier.transaction.set(tx);                                      // the writer's thread is in a transaction

        h.engine.invalidateGroup(COMMENTS, 42L);                          // reported by hand: written by plain JDBC
        assertThat(h.call("comments", 42L)).isEqualTo("v1");             // the writer bypasses: its own view
        String readerSaw = CompletableFuture.supplyAsync(() -> call(42L)).get(10, TimeUnit.SECONDS);
        assertThat(readerSaw).isEqualTo("v1");                            // another thread: the cached, committed value

        service.committed.put(42L, "v2");
        h.engine.transaction(tx).completed(true);                         // commit: the drop applies now
        barrier.transaction.remove();
        assertThat(h.call("comments", 42L)).isEqualTo("v2");             // db hit
        MethodStatistics s = stats();
        assertThat(s.loads()).isEqualTo(2);
        assertThat(s.bypasses()).isEqualTo(1);
        assertThat(s.hits()).isEqualTo(1);
    }

    @Test
    void invalidatorInsideTransaction_rolledBack_dropsNothing() throws Exception {
        service.committed.put(42L, "v1");
        h.call("comments", 42L);                                          // db hit
        Object tx = new Object();
        barrier.transaction.set(tx);
        h.engine.invalidate(COMMENTS);
        h.engine.transaction(tx).completed(false);
        barrier.transaction.remove();
        assertThat(h.call("comments", 42L)).isEqualTo("v1");             // cache hit
        assertThat(stats().loads()).isEqualTo(1);
        assertThat(stats().hits()).isEqualTo(1);
    }

    @Test
    void invalidatorOutsideTransaction_appliesAtOnce() throws Exception {
        service.committed.put(42L, "v1");
        h.call("comments", 42L);                                          // db hit
        service.committed.put(42L, "v2");
        h.engine.invalidateGroup(COMMENTS, 42L);
        assertThat(h.call("comments", 42L)).isEqualTo("v2");             // db hit
        assertThat(stats().loads()).isEqualTo(2);
    }

    @Test
    void applicationEventInsideResourceLocalTransaction_withoutEntityChange_isPendingUntilCommit() throws Exception {
        service.committed.put(42L, "v1");
        h.call("comments", 42L);                                          // db hit
        Object tx = new Object();
        barrier.transaction.set(tx);
        h.engine.applicationEvent(new SnapshotService.CommentsImported(42L));
        String readerSaw = CompletableFuture.supplyAsync(() -> call(42L)).get(10, TimeUnit.SECONDS);
        assertThat(readerSaw).isEqualTo("v1");                            // cache hit: nothing committed yet
        service.committed.put(42L, "v2");
        h.engine.transaction(tx).completed(true);
        barrier.transaction.remove();
        assertThat(h.call("comments", 42L)).isEqualTo("v2");             // db hit
        assertThat(stats().loads()).isEqualTo(2);
        assertThat(stats().hits()).isEqualTo(1);
    }

    @Test
    void pendingChangesOfASuspendedJtaTransaction_doNotDecideTheInnerOnesBypasses() throws Exception {
        service.committed.put(42L, "v1");
        jta.current = "outer";
        TransactionChanges outer = h.engine.transaction("session-of-outer");
        outer.add(insert(Comment.class, 7L, "id", 7L, "post", post42));  // flushed, pending in the outer transaction
        assertThat(h.call("comments", 42L)).isEqualTo("v1");             // the outer bypasses: its own writes
        assertThat(stats().bypasses()).isEqualTo(1);

        jta.current = "inner";                                            // REQUIRES_NEW: the outer is suspended
        assertThat(h.call("comments", 42L)).isEqualTo("v1");             // db hit, stored: the inner changed nothing
        assertThat(h.call("comments", 42L)).isEqualTo("v1");             // cache hit
        jta.current = null;                                               // NOT_SUPPORTED
        assertThat(h.call("comments", 42L)).isEqualTo("v1");             // cache hit
        MethodStatistics s = stats();
        assertThat(s.bypasses()).isEqualTo(1);
        assertThat(s.hits()).isEqualTo(2);

        jta.current = "outer";                                            // resumed
        assertThat(h.call("comments", 42L)).isEqualTo("v1");             // bypass again
        assertThat(stats().bypasses()).isEqualTo(2);
        outer.completed(true);
    }

    @Test
    void updateWithoutOldState_dropsEveryGroup() throws Exception {
        service.committed.put(1L, "a");
        service.committed.put(2L, "b");
        h.call("comments", 1L);
        h.call("comments", 2L);                                           // two groups cached
        Change statelessMove = new UnknownBefore(update(Comment.class, 7L, values("id", 7L), values("id", 7L, "post", post42)));
        h.commit(statelessMove);                                          // moved to 42 from a post nobody knows
        h.call("comments", 1L);
        h.call("comments", 2L);
        assertThat(stats().loads()).isEqualTo(4);                         // both reloaded
        assertThat(stats().hits()).isZero();
    }

    @Test
    void pathMeetingUnknown_dropsEveryGroup() throws Exception {
        service.committed.put(1L, "a");
        service.committed.put(2L, "b");
        h.call("comments", 1L);
        h.call("comments", 2L);
        h.commit(update(Comment.class, 7L, values("id", 7L, "post", Change.UNKNOWN), values("id", 7L, "post", post42)));
        h.call("comments", 1L);
        h.call("comments", 2L);
        assertThat(stats().loads()).isEqualTo(4);
        assertThat(stats().hits()).isZero();
    }

    private String call(long postId) {
        try {
            return (String) h.call("comments", postId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JTA transaction of the calling thread, switched by the test. */
    static final class SwitchableJta implements TransactionBridge {
        volatile Object current;

        @Override
        public Object currentTransaction() {
            return current;
        }

        @Override
        public void afterCompletion(Consumer<Boolean> callback) {
            throw new IllegalStateException("not used");
        }
    }

    /** An update whose old state the source could not see, as the pre-UNKNOWN API reported it: no before state. */
    private record UnknownBefore(Change delegate) implements Change {
        @Override
        public Class<?> type() {
            return delegate.type();
        }

        @Override
        public io.triggercache.EntityEvent event() {
            return delegate.event();
        }

        @Override
        public Object id() {
            return delegate.id();
        }

        @Override
        public State before() {
            return null;
        }

        @Override
        public State after() {
            return delegate.after();
        }

        @Override
        public java.util.Set<String> dirtyProperties() {
            return delegate.dirtyProperties();
        }
    }
}
