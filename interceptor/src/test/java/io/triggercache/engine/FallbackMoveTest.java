package io.triggercache.engine;

import static io.triggercache.testing.Changes.insert;
import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.jcache.FallbackStore;
import io.triggercache.jcache.JCacheStore;
import io.triggercache.testing.Comment;
import io.triggercache.testing.Post;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A move to a new, empty store (issue 15, point 3): with {@link FallbackStore} the first reads on the new store are
 * answered by the warm old one and copied, so the database sees almost no loads, where without it every first
 * read loads; a drop during the move leaves no stale entry in either store.
 */
class FallbackMoveTest {

    static final int POSTS = 200;

    final JCacheStore old = JCacheStore.embedded();
    final JCacheStore fresh = JCacheStore.embedded();
    final JCacheStore control = JCacheStore.embedded();

    @AfterEach
    void close() {
        old.close();
        fresh.close();
        control.close();
    }

    static TriggerCacheEngine engine(io.triggercache.spi.CacheStore store) {
        return TriggerCacheEngine.builder().store(store, false).build(Harness.definitions(BlogService.class));
    }

    static Object comments(TriggerCacheEngine engine, BlogService blog, long post) throws Exception {
        java.lang.reflect.Method m = BlogService.class.getMethod("comments", Post.class);
        Post p = new Post(post, "p" + post);
        return engine.call(m, new Object[] {p}, ignored -> blog.comments(p), null);
    }

    static void commit(TriggerCacheEngine engine, io.triggercache.Change change) {
        var tx = engine.transaction(new Object());
        tx.add(change);
        tx.completed(true);
    }

    @Test
    void firstReadsOnTheNewStore_loadNothing_withTheFallback_andEverythingWithout() throws Exception {
        BlogService blog = new BlogService();
        for (long p = 1; p <= POSTS; p++) {
            blog.comments.put(p, List.of("c" + p));
        }
        try (TriggerCacheEngine before = engine(old)) {               // the old store, warmed by the application
            for (long p = 1; p <= POSTS; p++) {
                comments(before, blog, p);
            }
        }
        assertThat(blog.commentRuns).hasValue(POSTS);

        blog.commentRuns.set(0);
        FallbackStore moving = FallbackStore.moving(fresh, old);
        try (TriggerCacheEngine after = engine(moving)) {
            for (int round = 0; round < 3; round++) {
                for (long p = 1; p <= POSTS; p++) {
                    assertThat(comments(after, blog, p)).isEqualTo(List.of("c" + p));
                }
            }
            assertThat(blog.commentRuns).as("database loads on the new store, with the fallback").hasValue(0);
            assertThat(moving.servedFromPrevious()).isEqualTo(POSTS);
            assertThat(moving.copied()).isEqualTo(POSTS);
            assertThat(after.of(BlogService.class.getName() + ".comments").hits()).isEqualTo(3L * POSTS);
        }

        blog.commentRuns.set(0);
        try (TriggerCacheEngine without = engine(control)) {        // the same move, cold
            for (int round = 0; round < 3; round++) {
                for (long p = 1; p <= POSTS; p++) {
                    comments(without, blog, p);
                }
            }
        }
        assertThat(blog.commentRuns).as("database loads on a new store without the fallback").hasValue(POSTS);
    }

    @Test
    void dropDuringTheMove_leavesNoStaleEntryInEitherStore() throws Exception {
        BlogService blog = new BlogService();
        blog.comments.put(7L, List.of("a"));
        blog.comments.put(8L, List.of("x"));
        try (TriggerCacheEngine before = engine(old)) {
            comments(before, blog, 7);
            comments(before, blog, 8);
        }
        FallbackStore moving = FallbackStore.moving(fresh, old);
        try (TriggerCacheEngine after = engine(moving)) {
            comments(after, blog, 7);                                 // copied into the new store
            blog.comments.put(7L, List.of("a", "b"));
            blog.commentRuns.set(0);
            commit(after, insert(Comment.class, 100L, "id", 100L, "text", "b", "post", new Post(7L, "p7")));

            assertThat(comments(after, blog, 7)).isEqualTo(List.of("a", "b"));
            assertThat(comments(after, blog, 8)).as("another group stays a hit, from the old store").isEqualTo(List.of("x"));
            assertThat(blog.commentRuns).hasValue(1);
            moving.endMove();
            assertThat(comments(after, blog, 7)).isEqualTo(List.of("a", "b"));
        }
        blog.commentRuns.set(0);
        try (TriggerCacheEngine oldAgain = engine(old)) {             // back on the old store alone: dropped there too
            assertThat(comments(oldAgain, blog, 7)).isEqualTo(List.of("a", "b"));
            assertThat(comments(oldAgain, blog, 8)).isEqualTo(List.of("x"));
        }
        assertThat(blog.commentRuns).as("only post 7 loads: its old entry was dropped in the old store").hasValue(1);
    }
}
