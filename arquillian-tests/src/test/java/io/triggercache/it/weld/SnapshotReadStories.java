package io.triggercache.it.weld;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.CacheStatistics;
import io.triggercache.MethodStatistics;
import io.triggercache.it.blog.BlogQueries;
import io.triggercache.it.blog.Comment;
import io.triggercache.it.blog.Jpa;
import io.triggercache.it.blog.Post;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.hibernate.Session;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * I1 and I3 for what a load read (issue 10, part 1): a transaction R that began before another transaction W
 * committed loads through its older view (its persistence context already held the entity, or its
 * REPEATABLE READ snapshot). R may see its view; the cache must not store it, so after every transaction has
 * ended a fresh caller loads W's data. The orders are forced with latches: R opens its view, W commits, then R
 * calls the cached method. Run under each isolation level by the subclasses, on H2, and in -Pservices on
 * PostgreSQL and MariaDB.
 */
@EnableWeld
abstract class SnapshotReadStories {

    private static final String Q = BlogQueries.class.getName() + ".";

    @WeldSetup
    WeldInitiator weld = WeldBlog.initiator(persistenceProperties());

    @Inject
    BlogQueries blog;
    @Inject
    Jpa jpa;
    @Inject
    CacheStatistics statistics;

    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private Post post42;

    /** The isolation level of every connection, as {@link Connection#getTransactionIsolation()} answers it. */
    abstract int isolation();

    /** The persistence-unit properties that set {@link #isolation()}, or none for the database's default. */
    abstract Map<String, Object> persistenceProperties();

    @BeforeEach
    void seed() {
        post42 = jpa.tx(em -> {
            Post p = new Post("forty-two", true);
            em.persist(p);
            em.persist(new Comment("first on 42", p));
            return p;
        });
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private MethodStatistics stats(String method) {
        return statistics.of(Q + method);
    }

    @Test
    void persistenceContextHeldThePost_loadAfterAnotherTransactionRenamedIt_isNotStored() throws Exception {
        long id = post42.getId();
        assertThat(blog.title(id)).isEqualTo("forty-two");                          // db hit, stored

        String readerSaw = inReaderTransaction(
                em -> em.find(Post.class, id),                                       // R's persistence context holds the post
                () -> jpa.run(em -> em.find(Post.class, id).setTitle("renamed")),    // W commits: drops title(42)
                em -> blog.title(id));                                               // db hit through R's managed, old post

        assertThat(readerSaw).isEqualTo("forty-two");                               // R may see its own view
        assertThat(blog.title(id)).isEqualTo("renamed");                            // db hit: R's value was not stored
        assertThat(blog.title(id)).isEqualTo("renamed");                            // cache hit
        MethodStatistics s = stats("title");
        assertThat(s.loads()).isEqualTo(3);
        assertThat(s.misses()).isEqualTo(3);
        assertThat(s.hits()).isEqualTo(1);
        assertThat(s.bypasses()).isZero();
    }

    @Test
    void transactionReadBeforeACommentWasAdded_loadAfterThatCommit_isNotStored() throws Exception {
        assertThat(blog.comments(post42)).containsExactly("first on 42");           // db hit, stored

        List<String> readerSaw = inReaderTransaction(
                em -> em.createQuery("select count(p) from Post p", Long.class).getSingleResult(), // R's first read: its snapshot
                () -> jpa.run(em -> em.persist(new Comment("second on 42", em.getReference(Post.class, post42.getId())))),
                em -> blog.comments(post42));                                        // db hit through R's transaction

        if (isolation() == Connection.TRANSACTION_READ_COMMITTED) {
            assertThat(readerSaw).containsExactly("first on 42", "second on 42");  // each statement reads the latest commit
        } else {
            assertThat(readerSaw).containsExactly("first on 42");                   // R's snapshot predates W's commit
        }
        assertThat(blog.comments(post42)).containsExactly("first on 42", "second on 42"); // db hit: R's value was not stored
        assertThat(blog.comments(post42)).containsExactly("first on 42", "second on 42"); // cache hit
        MethodStatistics s = stats("comments");
        assertThat(s.loads()).isEqualTo(3);
        assertThat(s.misses()).isEqualTo(3);
        assertThat(s.hits()).isEqualTo(1);
        assertThat(s.bypasses()).isZero();
    }

    @Test
    void transactionThatBeganAfterTheCommit_isStored() throws Exception {
        long id = post42.getId();
        assertThat(blog.title(id)).isEqualTo("forty-two");                          // db hit, stored
        jpa.run(em -> em.find(Post.class, id).setTitle("renamed"));                 // drops title(42)
        String inside = jpa.tx(em -> {
            em.find(Post.class, id);                                                 // a view opened after the commit
            return blog.title(id);                                                   // db hit, stored
        });
        assertThat(inside).isEqualTo("renamed");
        assertThat(blog.title(id)).isEqualTo("renamed");                            // cache hit
        MethodStatistics s = stats("title");
        assertThat(s.loads()).isEqualTo(2);
        assertThat(s.hits()).isEqualTo(1);
    }

    /**
     * A transaction that begins as soon as the previous one committed, in the same millisecond or the next: its load
     * read the committed data and is stored, every time. The view's start and the group's drop are ordered by the
     * library's clock (microseconds, strictly increasing within the JVM), not by the millisecond they fall in, so
     * no load is refused for a tie (issue 10, B4's in-transaction hit ratio).
     */
    @Test
    void transactionsThatBeginRightAfterEachCommit_areStoredEveryTime() {
        long id = post42.getId();
        assertThat(blog.title(id)).isEqualTo("forty-two");                          // db hit, stored
        int rounds = 100;
        for (int i = 0; i < rounds; i++) {
            String title = "renamed " + i;
            jpa.run(em -> em.find(Post.class, id).setTitle(title));                 // drops title(42)
            String inside = jpa.tx(em -> {
                em.find(Post.class, id);                                             // a view opened after the commit
                return blog.title(id);                                               // db hit: stored
            });
            assertThat(inside).isEqualTo(title);
            assertThat(blog.title(id)).as("round %d: the load inside the transaction was stored", i).isEqualTo(title);
        }
        MethodStatistics s = stats("title");
        assertThat(s.loads()).as("one load per round, none refused").isEqualTo(1 + rounds);
        assertThat(s.hits()).isEqualTo(rounds);
    }

    /**
     * Runs R on another thread: {@code open} (R's first read), then, while R waits, {@code writer} on this thread
     * (W, committed when it returns), then {@code read} in R, whose result is returned after R committed.
     */
    private <T> T inReaderTransaction(Function<EntityManager, ?> open, Runnable writer, Function<EntityManager, T> read)
            throws Exception {
        CountDownLatch opened = new CountDownLatch(1);
        CountDownLatch written = new CountDownLatch(1);
        Future<T> reader = pool.submit(() -> jpa.tx(em -> {
            assertThat(isolationOf(em)).as("isolation of R's connection").isEqualTo(isolation());
            open.apply(em);
            opened.countDown();
            await(written);
            return read.apply(em);
        }));
        await(opened);
        writer.run();
        written.countDown();
        return reader.get(10, TimeUnit.SECONDS);
    }

    private static int isolationOf(EntityManager em) {
        return em.unwrap(Session.class).doReturningWork(Connection::getTransactionIsolation);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("latch released").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
