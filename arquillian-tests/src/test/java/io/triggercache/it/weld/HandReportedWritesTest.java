package io.triggercache.it.weld;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.CacheStatistics;
import io.triggercache.Invalidator;
import io.triggercache.MethodStatistics;
import io.triggercache.it.blog.BlogQueries;
import io.triggercache.it.blog.Jpa;
import io.triggercache.it.blog.Post;
import io.triggercache.it.jdbc.TitleWritten;
import io.triggercache.it.jdbc.Titles;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * I8 end to end (issue 10, parts 2 and 3): a write made through plain JDBC in a resource-local transaction and
 * reported by hand ({@link Invalidator}, {@code Event.fire}, {@code Event.fireAsync}) is pending like an entity
 * change: the writing transaction bypasses the affected method, a reader meanwhile stores only committed data,
 * the drop applies after the commit, and a rollback drops nothing. Outside a transaction it applies at once.
 */
@EnableWeld
class HandReportedWritesTest {

    private static final String TITLE = BlogQueries.class.getName() + ".title";
    private static final String JDBC_TITLE = Titles.class.getName() + ".title";

    @WeldSetup
    WeldInitiator weld = WeldBlog.initiator(Map.of());

    @Inject
    BlogQueries blog;
    @Inject
    Titles titles;
    @Inject
    Jpa jpa;
    @Inject
    Invalidator invalidator;
    @Inject
    CacheStatistics statistics;
    @Inject
    Event<TitleWritten> titleWrites;

    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private long id;

    @BeforeEach
    void seed() {
        id = jpa.tx(em -> {
            Post p = new Post("forty-two", true);
            em.persist(p);
            return p;
        }).getId();
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void invalidatorInsideTransaction_isPendingUntilCommit_andAReaderMeanwhileStoresOnlyCommittedData() throws Exception {
        String writerSaw = whileWriterIsOpen(em -> {
            Titles.renameByJdbc(em, id, "renamed");
            invalidator.invalidateGroup(TITLE, id);                                  // reported by hand
            return blog.title(id);                                                   // bypass: its own write
        }, () -> assertThat(blog.title(id)).isEqualTo("forty-two"));               // db hit meanwhile: committed data

        assertThat(writerSaw).isEqualTo("renamed");
        assertThat(blog.title(id)).isEqualTo("renamed");                            // db hit: the drop applied at commit
        assertThat(blog.title(id)).isEqualTo("renamed");                            // cache hit
        MethodStatistics s = statistics.of(TITLE);
        assertThat(s.bypasses()).isEqualTo(1);
        assertThat(s.loads()).isEqualTo(2);
        assertThat(s.hits()).isEqualTo(1);
    }

    @Test
    void invalidatorInsideTransaction_rolledBack_dropsNothing() {
        assertThat(blog.title(id)).isEqualTo("forty-two");                          // db hit, stored
        long invalidationsBefore = statistics.of(TITLE).invalidations();
        String inside = jpa.rollback(em -> {
            Titles.renameByJdbc(em, id, "never committed");
            invalidator.invalidate(TITLE);                                           // the whole method, by hand
            return blog.title(id);                                                   // bypass: its own write
        });

        assertThat(inside).isEqualTo("never committed");
        assertThat(blog.title(id)).isEqualTo("forty-two");                          // cache hit: as before the transaction
        MethodStatistics s = statistics.of(TITLE);
        assertThat(s.loads()).isEqualTo(1);
        assertThat(s.bypasses()).isEqualTo(1);
        assertThat(s.hits()).isEqualTo(1);
        assertThat(s.invalidations()).isEqualTo(invalidationsBefore);
    }

    @Test
    void invalidatorOutsideTransaction_appliesAtOnce() {
        assertThat(blog.title(id)).isEqualTo("forty-two");                          // db hit, stored
        jpa.run(em -> Titles.renameByJdbc(em, id, "renamed"));                      // committed, unreported
        assertThat(blog.title(id)).isEqualTo("forty-two");                          // cache hit: nobody told
        invalidator.invalidateGroup(TITLE, id);
        assertThat(blog.title(id)).isEqualTo("renamed");                            // db hit
        MethodStatistics s = statistics.of(TITLE);
        assertThat(s.loads()).isEqualTo(2);
        assertThat(s.hits()).isEqualTo(1);
    }

    @Test
    void eventFiredInsideTransactionWithoutEntityChange_isPendingUntilCommit() throws Exception {
        String writerSaw = whileWriterIsOpen(em -> {
            Titles.renameByJdbc(em, id, "renamed");
            titleWrites.fire(new TitleWritten(id));                                  // no entity change before it
            return titles.title(id);                                                 // bypass: its own write
        }, () -> assertThat(titles.title(id)).isEqualTo("forty-two"));            // db hit meanwhile: committed data

        assertThat(writerSaw).isEqualTo("renamed");
        assertThat(titles.title(id)).isEqualTo("renamed");                          // db hit: dropped at commit
        assertThat(titles.title(id)).isEqualTo("renamed");                          // cache hit
        MethodStatistics s = statistics.of(JDBC_TITLE);
        assertThat(s.bypasses()).isEqualTo(1);
        assertThat(s.loads()).isEqualTo(2);
        assertThat(s.hits()).isEqualTo(1);
    }

    @Test
    void eventFiredInsideTransaction_rolledBack_dropsNothing() {
        assertThat(titles.title(id)).isEqualTo("forty-two");                        // db hit, stored
        String inside = jpa.rollback(em -> {
            Titles.renameByJdbc(em, id, "never committed");
            titleWrites.fire(new TitleWritten(id));
            return titles.title(id);                                                 // bypass: its own write
        });

        assertThat(inside).isEqualTo("never committed");
        assertThat(titles.title(id)).isEqualTo("forty-two");                        // cache hit: as before the transaction
        MethodStatistics s = statistics.of(JDBC_TITLE);
        assertThat(s.loads()).isEqualTo(1);
        assertThat(s.bypasses()).isEqualTo(1);
        assertThat(s.hits()).isEqualTo(1);
    }

    @Test
    void eventFiredAsynchronouslyInsideTransaction_isObserved_andAppliesAfterCommit() throws Exception {
        String writerSaw = whileWriterIsOpen(em -> {
            Titles.renameByJdbc(em, id, "renamed");
            try {
                titleWrites.fireAsync(new TitleWritten(id)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return titles.title(id);                                                 // bypass: its own write
        }, () -> assertThat(titles.title(id)).isEqualTo("forty-two"));            // db hit meanwhile: committed data

        assertThat(writerSaw).isEqualTo("renamed");
        assertThat(titles.title(id)).isEqualTo("renamed");                          // db hit: dropped at commit
        assertThat(titles.title(id)).isEqualTo("renamed");                          // cache hit
        MethodStatistics s = statistics.of(JDBC_TITLE);
        assertThat(s.bypasses()).isEqualTo(1);
        assertThat(s.loads()).isEqualTo(2);
        assertThat(s.hits()).isEqualTo(1);
    }

    /**
     * Runs {@code work} in a transaction W on another thread and holds W open after it, until {@code meanwhile} has
     * run on this thread; then W commits and its result is returned.
     */
    private <T> T whileWriterIsOpen(Function<EntityManager, T> work, Runnable meanwhile) throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch read = new CountDownLatch(1);
        Future<T> writer = pool.submit(() -> jpa.tx(em -> {
            T result = work.apply(em);
            reported.countDown();
            await(read);
            return result;                                                           // commits
        }));
        await(reported);
        try {
            meanwhile.run();
        } finally {
            read.countDown();
        }
        return writer.get(10, TimeUnit.SECONDS);
    }

    static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("latch released").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
