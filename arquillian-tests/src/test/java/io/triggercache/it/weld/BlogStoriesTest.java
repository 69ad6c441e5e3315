package io.triggercache.it.weld;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.CacheStatistics;
import io.triggercache.MethodStatistics;
import io.triggercache.it.blog.BlogQueries;
import io.triggercache.it.blog.Comment;
import io.triggercache.it.blog.Jpa;
import io.triggercache.it.blog.Post;
import io.triggercache.it.blog.PriceChanged;
import io.triggercache.it.blog.Tag;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hibernate.StatelessSession;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The write path end to end: Weld SE, the real extension and Hibernate integrator, Hibernate ORM on H2 (or
 * PostgreSQL with -Dit.db=postgres), Ehcache. Each test reads like a story and asserts load counts.
 */
@EnableWeld
class BlogStoriesTest {

    private static final String Q = BlogQueries.class.getName() + ".";

    @WeldSetup
    WeldInitiator weld = WeldBlog.initiator();

    @Inject
    BlogQueries blog;
    @Inject
    Jpa jpa;
    @Inject
    CacheStatistics statistics;
    @Inject
    Event<PriceChanged> priceChanges;

    private Post post42;
    private Post post7;

    @BeforeEach
    void seed() {
        post42 = jpa.tx(em -> {
            Post p = new Post("forty-two", true);
            em.persist(p);
            em.persist(new Comment("first on 42", p));
            return p;
        });
        post7 = jpa.tx(em -> {
            Post p = new Post("seven", false);
            em.persist(p);
            em.persist(new Comment("first on 7", p));
            return p;
        });
    }

    @AfterEach
    void reset() {
        BlogQueries.afterCommentsQuery = () -> { };
        BlogQueries.PRICES.clear();
    }

    private long loads(String method) {
        return statistics.of(Q + method).loads();
    }

    private MethodStatistics stats(String method) {
        return statistics.of(Q + method);
    }

    @Test
    void latestPosts_droppedByPostInsertAndDelete_notByUpdate() {
        long invalidationsBefore = stats("latestTitles").invalidations();
        assertThat(blog.latestTitles()).containsExactly("seven", "forty-two");      // db hit
        assertThat(blog.latestTitles()).containsExactly("seven", "forty-two");      // cache hit
        Post third = jpa.tx(em -> {
            Post p = new Post("third", true);
            em.persist(p);
            return p;
        });
        assertThat(blog.latestTitles()).containsExactly("third", "seven", "forty-two"); // db hit: insert
        jpa.run(em -> em.find(Post.class, third.getId()).setPublished(false));
        assertThat(blog.latestTitles()).hasSize(3);                                  // cache hit: update is not a trigger
        jpa.run(em -> em.remove(em.find(Post.class, third.getId())));
        assertThat(blog.latestTitles()).containsExactly("seven", "forty-two");      // db hit: delete

        MethodStatistics s = stats("latestTitles");
        assertThat(s.loads()).isEqualTo(3);
        assertThat(s.hits()).isEqualTo(2);
        assertThat(s.invalidations() - invalidationsBefore).isEqualTo(2);
    }

    @Test
    void comments_ofPost42_droppedByACommentOn42_whilePost7StaysAHit() {
        long invalidationsBefore = stats("comments").invalidations();
        blog.comments(post42);                                                       // db hit
        blog.comments(post7);                                                        // db hit
        long sqlBefore = jpa.statistics().getPrepareStatementCount();
        blog.comments(post42);                                                       // cache hit
        blog.comments(post7);                                                        // cache hit
        assertThat(jpa.statistics().getPrepareStatementCount()).isEqualTo(sqlBefore); // no SQL for hits

        jpa.run(em -> em.persist(new Comment("second on 42", em.getReference(Post.class, post42.getId()))));

        assertThat(blog.comments(post42)).containsExactly("first on 42", "second on 42"); // db hit
        assertThat(blog.comments(post7)).containsExactly("first on 7");                   // cache hit
        MethodStatistics s = stats("comments");
        assertThat(s.loads()).isEqualTo(3);
        assertThat(s.hits()).isEqualTo(3);
        assertThat(s.invalidations() - invalidationsBefore).isEqualTo(1);
    }

    @Test
    void deletingAPost_dropsItsCommentsGroup() {
        Post empty = jpa.tx(em -> {
            Post p = new Post("empty", false);
            em.persist(p);
            return p;
        });
        assertThat(blog.comments(empty)).isEmpty();                                  // db hit
        blog.comments(post7);                                                        // db hit
        jpa.run(em -> em.remove(em.find(Post.class, empty.getId())));

        blog.comments(empty);                                                        // db hit: Post DELETE trigger
        blog.comments(post7);                                                        // cache hit
        assertThat(loads("comments")).isEqualTo(3);
    }

    @Test
    void commentMovedToAnotherPost_dropsBothGroups() {
        Long commentId = jpa.read(em -> em.createQuery("select c.id from Comment c where c.post.id = :p", Long.class)
                .setParameter("p", post7.getId()).getSingleResult());
        blog.comments(post42);
        blog.comments(post7);
        jpa.run(em -> em.find(Comment.class, commentId).setPost(em.getReference(Post.class, post42.getId())));

        assertThat(blog.comments(post42)).containsExactly("first on 42", "first on 7"); // db hit: new group
        assertThat(blog.comments(post7)).isEmpty();                                       // db hit: old group
        assertThat(loads("comments")).isEqualTo(4);
    }

    @Test
    void propertiesFilter_onlyATitleChangeDropsTitle() {
        assertThat(blog.title(post42.getId())).isEqualTo("forty-two");                // db hit
        jpa.run(em -> em.find(Post.class, post42.getId()).setPublished(false));
        assertThat(blog.title(post42.getId())).isEqualTo("forty-two");                // cache hit: title not dirty
        jpa.run(em -> em.find(Post.class, post42.getId()).setTitle("renamed"));
        assertThat(blog.title(post42.getId())).isEqualTo("renamed");                  // db hit
        assertThat(loads("title")).isEqualTo(2);
    }

    @Test
    void collectionChange_addingATag_dropsThatPostsTagNames() {
        assertThat(blog.tagNames(post42.getId())).isEmpty();                         // db hit
        assertThat(blog.tagNames(post7.getId())).isEmpty();                          // db hit
        jpa.run(em -> {
            Tag java = new Tag("java");
            em.persist(java);
            em.find(Post.class, post42.getId()).getTags().add(java);
        });
        assertThat(blog.tagNames(post42.getId())).containsExactly("java");           // db hit: collection UPDATE of the owner
        assertThat(blog.tagNames(post7.getId())).isEmpty();                          // cache hit
        assertThat(loads("tagNames")).isEqualTo(3);
    }

    @Test
    void checker_unpublishedPostDoesNotDropPublishedTitles() {
        assertThat(blog.publishedTitles()).containsExactly("forty-two");             // db hit
        jpa.run(em -> em.persist(new Post("draft", false)));
        assertThat(blog.publishedTitles()).containsExactly("forty-two");             // cache hit: checker said no
        jpa.run(em -> em.persist(new Post("news", true)));
        assertThat(blog.publishedTitles()).containsExactly("forty-two", "news");     // db hit
        assertThat(loads("publishedTitles")).isEqualTo(2);
    }

    @Test
    void rollback_leavesTheCacheAsItWas_andReadsInsideSeeTheirOwnWrites() {
        long invalidationsBefore = stats("comments").invalidations();
        blog.comments(post42);                                                       // db hit, cached
        List<String> inside = jpa.rollback(em -> {
            em.persist(new Comment("never committed", em.getReference(Post.class, post42.getId())));
            em.flush();
            return blog.comments(post42);                                            // bypass: own write visible
        });
        assertThat(inside).containsExactly("first on 42", "never committed");
        assertThat(blog.comments(post42)).containsExactly("first on 42");            // cache hit: as before the transaction
        MethodStatistics s = stats("comments");
        assertThat(s.loads()).isEqualTo(1);
        assertThat(s.bypasses()).isEqualTo(1);
        assertThat(s.hits()).isEqualTo(1);
        assertThat(s.invalidations()).isEqualTo(invalidationsBefore);
    }

    @Test
    void unflushedWritesOfTheTransaction_areFlushedBeforeACachedRead_likeAQueryWould() {
        blog.comments(post42);                                                       // db hit, cached
        blog.title(post42.getId());                                                  // db hit, cached
        List<Object> inside = jpa.rollback(em -> {
            em.persist(new Comment("unflushed", em.getReference(Post.class, post42.getId()))); // queued, not flushed
            em.find(Post.class, post42.getId()).setTitle("renamed, unflushed");      // dirty, not flushed
            return List.of(blog.comments(post42), blog.title(post42.getId()));       // the read flushes first: bypass
        });
        assertThat(inside).containsExactly(List.of("first on 42", "unflushed"), "renamed, unflushed");
        assertThat(blog.comments(post42)).containsExactly("first on 42");            // cache hit: rolled back, untouched
        assertThat(blog.title(post42.getId())).isEqualTo("forty-two");               // cache hit
        assertThat(stats("comments").bypasses()).isEqualTo(1);
        assertThat(stats("title").bypasses()).isEqualTo(1);
        assertThat(loads("comments") + loads("title")).isEqualTo(2);
    }

    @Test
    void unflushedPersist_beforeTheFirstCachedRead_isSeenInside_andNothingIsStored() {
        List<String> inside = jpa.rollback(em -> {
            em.persist(new Comment("unflushed", em.getReference(Post.class, post42.getId())));
            return blog.comments(post42);                                            // flushed first, then bypass
        });
        assertThat(inside).containsExactly("first on 42", "unflushed");
        assertThat(blog.comments(post42)).containsExactly("first on 42");            // db hit: nothing dirty was stored
        assertThat(blog.comments(post42)).containsExactly("first on 42");            // cache hit
        MethodStatistics s = stats("comments");
        assertThat(s.bypasses()).isEqualTo(1);
        assertThat(s.loads()).isEqualTo(1);
        assertThat(s.hits()).isEqualTo(1);
    }

    @Test
    void bulkHqlUpdate_dropsEveryMethodTriggeredByPost() {
        blog.title(post42.getId());
        blog.latestTitles();
        blog.comments(post7);
        jpa.run(em -> em.createQuery("update Post p set p.title = upper(p.title)").executeUpdate());

        assertThat(blog.title(post42.getId())).isEqualTo("FORTY-TWO");               // db hit: rows unknown, whole method
        assertThat(blog.latestTitles()).containsExactly("SEVEN", "FORTY-TWO");       // db hit
        blog.comments(post7);                                                        // db hit: comments has a Post trigger too
        assertThat(loads("title") + loads("latestTitles") + loads("comments")).isEqualTo(6);
    }

    @Test
    void nativeDmlWithSynchronizedEntity_dropsMethodsTriggeredByIt() {
        assertThat(blog.commentCount(post42.getId())).isEqualTo(1);                  // db hit
        jpa.run(em -> em.createNativeQuery("delete from Comment")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .addSynchronizedEntityClass(Comment.class)
                .executeUpdate());
        assertThat(blog.commentCount(post42.getId())).isZero();                      // db hit
        assertThat(loads("commentCount")).isEqualTo(2);
    }

    @Test
    void statelessSessionInsert_dropsTheGroupAfterCommit() {
        assertThat(blog.commentCount(post42.getId())).isEqualTo(1);
        try (StatelessSession s = jpa.sessionFactory().openStatelessSession()) {
            s.getTransaction().begin();
            s.insert(new Comment("stateless", s.get(Post.class, post42.getId())));
            s.getTransaction().commit();
        }
        assertThat(blog.commentCount(post42.getId())).isEqualTo(2);                  // db hit
        assertThat(loads("commentCount")).isEqualTo(2);
    }

    @Test
    void applicationEvent_inATransactionThatChangedEntities_appliesAfterCommit() {
        BlogQueries.PRICES.put(5L, "10.00");
        assertThat(blog.price(5L)).isEqualTo("10.00");                              // db hit
        jpa.run(em -> {
            em.persist(new Post("price news", true));
            em.flush();
            BlogQueries.PRICES.put(5L, "12.00");
            priceChanges.fire(new PriceChanged(5L));
            assertThat(blog.price(5L)).isEqualTo("12.00");                          // bypass inside the transaction
        });
        assertThat(blog.price(5L)).isEqualTo("12.00");                              // db hit after commit
        assertThat(blog.price(5L)).isEqualTo("12.00");                              // cache hit
        MethodStatistics s = stats("price");
        assertThat(s.loads()).isEqualTo(2);
        assertThat(s.bypasses()).isEqualTo(1);
        assertThat(s.hits()).isEqualTo(1);
    }

    @Test
    void loadThatBeganBeforeACommit_isNotServedAfterIt() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch read = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            BlogQueries.afterCommentsQuery = () -> {
                read.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            Future<List<String>> reader = pool.submit(() -> blog.comments(post42));
            assertThat(read.await(10, TimeUnit.SECONDS)).isTrue();                   // the reader has read the old rows
            BlogQueries.afterCommentsQuery = () -> { };

            jpa.run(em -> em.persist(new Comment("second on 42", em.getReference(Post.class, post42.getId())))); // commit + invalidate
            release.countDown();                                                     // the reader stores what it read
            assertThat(reader.get(10, TimeUnit.SECONDS)).containsExactly("first on 42");

            assertThat(blog.comments(post42)).containsExactly("first on 42", "second on 42"); // db hit: not the stale set
            assertThat(loads("comments")).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }
}
