package io.triggercache.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.triggercache.spi.ViewClock;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import io.triggercache.hibernate.entities.Post;

import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The read horizon ({@code ReadBarrier.readsSince()}): the start of the oldest view the sessions of the thread hold
 * open, which the engine compares with a group's last invalidation before storing a load. Each test takes the
 * wall clock before ({@code t0}) and after ({@code t1}) the statement that must start a view, and checks that the
 * horizon lies between them, stays while the view is held, and returns to "none" ({@link Long#MAX_VALUE}) exactly
 * when the session can no longer serve older data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractReadHorizonTest {

    static final long NONE = Long.MAX_VALUE;

    final RecordingSink sink = new RecordingSink(Post.class);
    Database database;
    EntityManagerFactory emf;
    long postId;

    abstract Database database();

    @BeforeAll
    void createFactory() {
        database = database();
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put(TriggerCacheSettings.SINK, sink);
        emf = Persistence.createEntityManagerFactory("triggercache-test", properties);
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        Post post = new Post("first");
        em.persist(post);
        em.persist(new Post("second"));
        em.getTransaction().commit();
        em.close();
        postId = post.getId();
    }

    @AfterAll
    void closeFactory() {
        if (emf != null) {
            emf.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** The sessions a test opened: closed after it even when an assertion failed, so that one failure stays one. */
    final java.util.List<AutoCloseable> opened = new java.util.ArrayList<>();

    EntityManager open() {
        EntityManager em = emf.createEntityManager();
        opened.add(em::close);
        return em;
    }

    @AfterEach
    void nothingLeftOpen() throws Exception {
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (IllegalStateException alreadyClosed) {
                // closed by the test itself
            }
        }
        opened.clear();
        assertThat(sink.readsSince()).as("every session of the test is closed").isEqualTo(NONE);
    }

    @Test
    void barrier_isRegisteredBeforeAnyWrite_andNoSessionMeansNoHorizon() {
        assertThat(sink.barriers).hasSize(1);
        assertThat(sink.readsSince()).isEqualTo(NONE);
    }

    @Test
    void currentTransaction_isTheSessionsResourceLocalTransaction_completedWithIt() {
        EntityManager em = open();
        assertThat(sink.barriers.get(0).currentTransaction()).as("no transaction").isNull();
        em.getTransaction().begin();
        em.find(Post.class, postId);                                   // the session becomes known to the thread
        var tx = (RecordingSink.Tx) sink.barriers.get(0).currentTransaction();
        assertThat(tx).as("the hand-reported drops of this transaction go here").isNotNull();
        assertThat(tx.completions).isEmpty();
        em.getTransaction().rollback();
        assertThat(tx.completions).containsExactly(false);
        assertThat(sink.barriers.get(0).currentTransaction()).as("the transaction ended").isNull();
        em.getTransaction().begin();
        em.find(Post.class, postId);
        var next = (RecordingSink.Tx) sink.barriers.get(0).currentTransaction();
        em.getTransaction().commit();
        assertThat(next.completions).containsExactly(true);
        em.close();
    }

    @Test
    void findInTransaction_horizonIsItsStatement_heldUntilCommitAndWhileTheEntityIsManaged() {
        EntityManager em = open();
        em.getTransaction().begin();
        assertThat(sink.readsSince()).as("a transaction that read nothing holds nothing").isEqualTo(NONE);

        long t0 = ViewClock.now();
        em.find(Post.class, postId);                                   // db hit: the view starts
        long t1 = ViewClock.now();
        long horizon = sink.readsSince();
        assertThat(horizon).isBetween(t0, t1);

        long later = ViewClock.now();
        em.createQuery("select count(p) from Post p", Long.class).getSingleResult();
        assertThat(sink.readsSince()).as("later statements of the same view do not move it").isEqualTo(horizon);
        assertThat(horizon).isLessThanOrEqualTo(later);

        em.getTransaction().commit();
        assertThat(sink.readsSince()).as("committed, but the managed post is as read then").isEqualTo(horizon);

        em.createQuery("select count(p) from Post p", Long.class).getSingleResult();
        assertThat(sink.readsSince()).as("auto-commit statement, but the context still holds the post").isEqualTo(horizon);

        em.clear();
        assertThat(sink.readsSince()).as("cleared outside a transaction: nothing older is held").isEqualTo(NONE);
        em.close();
    }

    @Test
    void transactionCompletes_withEmptyContext_forgetsTheView() {
        EntityManager em = open();
        em.getTransaction().begin();
        long t0 = ViewClock.now();
        em.createQuery("select count(p) from Post p", Long.class).getSingleResult();
        long t1 = ViewClock.now();
        assertThat(sink.readsSince()).as("its snapshot under REPEATABLE READ starts here").isBetween(t0, t1);

        em.getTransaction().commit();
        assertThat(sink.readsSince()).isEqualTo(NONE);

        em.getTransaction().begin();
        em.find(Post.class, postId);
        em.clear();
        assertThat(sink.readsSince()).as("cleared inside a transaction: its snapshot remains").isBetween(t1, ViewClock.now());
        em.getTransaction().rollback();
        assertThat(sink.readsSince()).as("rolled back with an empty context").isEqualTo(NONE);
        em.close();
    }

    @Test
    void autoCommitStatements_withEmptyContext_areEachFresh() {
        EntityManager em = open();
        long t0 = ViewClock.now();
        em.find(Post.class, postId);                                   // db hit: the post is managed as of this statement
        long t1 = ViewClock.now();
        long horizon = sink.readsSince();
        assertThat(horizon).isBetween(t0, t1);

        em.createQuery("select count(p) from Post p", Long.class).getSingleResult();
        assertThat(sink.readsSince()).as("the context holds the post read earlier").isEqualTo(horizon);

        em.clear();
        assertThat(sink.readsSince()).isEqualTo(NONE);

        long t2 = ViewClock.now();
        em.createQuery("select count(p) from Post p", Long.class).getSingleResult();
        long t3 = ViewClock.now();
        assertThat(sink.readsSince()).isBetween(t2, t3);

        long t4 = ViewClock.now();
        em.createQuery("select max(p.id) from Post p", Long.class).getSingleResult();
        long t5 = ViewClock.now();
        assertThat(sink.readsSince()).as("outside a transaction, with nothing managed, a statement reads as of now")
                .isBetween(t4, t5);

        em.close();
        assertThat(sink.readsSince()).as("a closed session is forgotten").isEqualTo(NONE);
    }

    /**
     * A session that never gave the application an entity fires no event that names it, so its listener cannot ask
     * whether a transaction is in progress: its first view is kept (safe, only fewer loads are stored) until a
     * transaction completes or the session closes.
     */
    @Test
    void autoCommitStatements_ofASessionThatNeverLoadedAnEntity_keepTheFirstViewUntilClose() {
        EntityManager em = open();
        long t0 = ViewClock.now();
        em.createQuery("select count(p) from Post p", Long.class).getSingleResult();
        long t1 = ViewClock.now();
        long horizon = sink.readsSince();
        assertThat(horizon).isBetween(t0, t1);

        em.createQuery("select max(p.id) from Post p", Long.class).getSingleResult();
        assertThat(sink.readsSince()).isEqualTo(horizon);

        em.close();
        assertThat(sink.readsSince()).isEqualTo(NONE);
    }

    @Test
    void twoSessions_horizonIsTheOlderView() {
        EntityManager older = open();
        EntityManager newer = open();
        long t0 = ViewClock.now();
        older.find(Post.class, postId);
        long t1 = ViewClock.now();
        long olderView = sink.readsSince();
        assertThat(olderView).isBetween(t0, t1);

        newer.getTransaction().begin();
        newer.find(Post.class, postId);
        assertThat(sink.readsSince()).isEqualTo(olderView);
        newer.getTransaction().commit();

        older.close();
        assertThat(sink.readsSince()).as("only the newer session's view is left").isBetween(t1, ViewClock.now());
        newer.close();
    }

    @Test
    void extendedContext_usedOnAnotherThread_carriesItsViewThere() throws Exception {
        EntityManager em = open();
        long t0 = ViewClock.now();
        em.find(Post.class, postId);                                   // db hit on this thread
        long t1 = ViewClock.now();
        long view = sink.readsSince();
        assertThat(view).isBetween(t0, t1);

        long[] seen = CompletableFuture.supplyAsync(() -> {
            long before = sink.readsSince();
            em.find(Post.class, postId);                               // answered by the persistence context: no statement
            return new long[] {before, sink.readsSince()};
        }).get(30, TimeUnit.SECONDS);
        assertThat(seen[0]).as("the other thread holds nothing yet").isEqualTo(NONE);
        assertThat(seen[1]).as("once it uses the context, its loads may read what was read then").isEqualTo(view);
        em.close();
    }

    @Test
    void statelessSession_holdsItsTransactionsSnapshot_andOutsideOneEachStatementIsFresh() {
        SessionFactory factory = emf.unwrap(SessionFactory.class);
        try (StatelessSession s = factory.openStatelessSession()) {
            opened.add(s::close);
            s.getTransaction().begin();
            long t0 = ViewClock.now();
            s.get(Post.class, postId);
            long t1 = ViewClock.now();
            long view = sink.readsSince();
            assertThat(view).isBetween(t0, t1);
            s.get(Post.class, postId);
            assertThat(sink.readsSince()).isEqualTo(view);
            s.getTransaction().commit();
            assertThat(sink.readsSince()).as("no persistence context: the snapshot ended with the transaction").isEqualTo(NONE);

            long t2 = ViewClock.now();
            s.get(Post.class, postId);
            long t3 = ViewClock.now();
            assertThat(sink.readsSince()).isBetween(t2, t3);
        }
        assertThat(sink.readsSince()).isEqualTo(NONE);
    }
}
