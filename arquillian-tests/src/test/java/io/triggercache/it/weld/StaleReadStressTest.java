package io.triggercache.it.weld;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.CacheStatistics;
import io.triggercache.it.blog.BlogQueries;
import io.triggercache.it.blog.Comment;
import io.triggercache.it.blog.Databases;
import io.triggercache.it.blog.Jpa;
import io.triggercache.it.blog.Post;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * I1 under random interleavings on a real database: 8 threads, bounded in time, reading cached comment
 * counts and committing new comments. A read that starts after a commit returned must see at least the
 * count that commit's transaction saw. Runs on PostgreSQL (tag "postgres", -Pservices).
 */
@EnableWeld
@Tag("postgres")
class StaleReadStressTest {

    private static final int THREADS = 8;
    private static final int POSTS = 4;
    private static final long MILLIS = Long.getLong("it.stress.millis", 20_000);

    @WeldSetup
    WeldInitiator weld = WeldBlog.initiator();

    @Inject
    BlogQueries blog;
    @Inject
    Jpa jpa;
    @Inject
    CacheStatistics statistics;

    @Test
    void readsStartingAfterACommit_neverReturnOlderData() throws Exception {
        assertThat(Databases.current()).isEqualTo(Databases.POSTGRES);
        long[] ids = new long[POSTS];
        for (int i = 0; i < POSTS; i++) {
            int n = i;
            ids[i] = jpa.tx(em -> {
                Post p = new Post("p" + n, true);
                em.persist(p);
                return p.getId();
            });
        }
        // per post, the highest count a committed writer observed inside its transaction
        AtomicLongArray committed = new AtomicLongArray(POSTS);
        AtomicLong reads = new AtomicLong();
        AtomicLong writes = new AtomicLong();
        AtomicLong stale = new AtomicLong();
        List<String> examples = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MILLIS);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < deadline) {
                    int i = random.nextDouble() < 0.7 ? 0 : random.nextInt(POSTS);   // skewed: post 0 is hot
                    if (random.nextInt(100) < 10) {
                        long seen = jpa.tx(em -> {
                            em.persist(new Comment("c", em.getReference(Post.class, ids[i])));
                            em.flush();
                            return em.createQuery("select count(c) from Comment c where c.post.id = :p", Long.class)
                                    .setParameter("p", ids[i]).getSingleResult();
                        });
                        committed.accumulateAndGet(i, seen, Math::max);            // the commit has returned
                        writes.incrementAndGet();
                    } else {
                        long atLeast = committed.get(i);                            // commits returned before this read
                        long count = blog.commentCount(ids[i]);
                        reads.incrementAndGet();
                        if (count < atLeast) {
                            stale.incrementAndGet();
                            synchronized (examples) {
                                if (examples.size() < 5) {
                                    examples.add("post " + i + ": read " + count + " after a commit that saw " + atLeast);
                                }
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get(MILLIS + 60_000, TimeUnit.MILLISECONDS);
        }
        pool.shutdown();

        var s = statistics.of(BlogQueries.class.getName() + ".commentCount");
        System.out.printf("stress: %d reads checked, %d commits, %d stale; hits %d, loads %d, invalidations %d%n",
                reads.get(), writes.get(), stale.get(), s.hits(), s.loads(), s.invalidations());
        assertThat(reads.get()).as("reads checked").isGreaterThan(1_000);
        assertThat(writes.get()).as("commits").isGreaterThan(50);
        assertThat(s.hits()).as("the cache served reads").isGreaterThan(0);
        assertThat(examples).as("stale reads").isEmpty();
        assertThat(stale.get()).isZero();
    }
}
