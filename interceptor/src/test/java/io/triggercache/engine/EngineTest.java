package io.triggercache.engine;

import static io.triggercache.testing.Changes.delete;
import static io.triggercache.testing.Changes.insert;
import static io.triggercache.testing.Changes.update;
import static io.triggercache.testing.Changes.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggercache.MethodStatistics;
import io.triggercache.spi.TransactionChanges;
import io.triggercache.testing.Comment;
import io.triggercache.testing.Post;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineTest {

    private static final String COMMENTS = BlogService.class.getName() + ".comments";
    private static final String LATEST = BlogService.class.getName() + ".latestPosts";

    private final BlogService blog = new BlogService();
    private final Harness h = new Harness(blog);
    private final Post post42 = new Post(42L, "forty-two");
    private final Post post7 = new Post(7L, "seven");

    @AfterEach
    void close() {
        h.close();
    }

    private MethodStatistics stats(String name) {
        return h.engine.of(name);
    }

    @Test
    void call_secondTimeSameArguments_isServedFromCache() throws Exception {
        assertThat(h.call("latestPosts")).isEqualTo(List.of("first"));   // db hit
        assertThat(h.call("latestPosts")).isEqualTo(List.of("first"));   // cache hit

        assertThat(blog.latestRuns).hasValue(1);
        MethodStatistics s = stats(LATEST);
        assertThat(s.hits()).isEqualTo(1);
        assertThat(s.misses()).isEqualTo(1);
        assertThat(s.loads()).isEqualTo(1);
    }

    @Test
    void latestPosts_afterPostInsert_reloads() throws Exception {
        h.call("latestPosts");                                           // db hit
        blog.posts.add("second");
        h.commit(insert(Post.class, 2L, "id", 2L, "title", "second"));

        assertThat(h.call("latestPosts")).isEqualTo(List.of("first", "second")); // db hit again
        assertThat(blog.latestRuns).hasValue(2);
        assertThat(stats(LATEST).invalidations()).isEqualTo(1);
    }

    @Test
    void latestPosts_afterPostUpdate_staysCached_becauseTriggerIsOnInsertAndDelete() throws Exception {
        h.call("latestPosts");
        h.commit(update(Post.class, 1L, values("id", 1L, "title", "a"), values("id", 1L, "title", "b")));

        h.call("latestPosts");                                           // cache hit
        assertThat(blog.latestRuns).hasValue(1);
    }

    @Test
    void comments_afterCommentOnPost42_reloadsOnlyPost42() throws Exception {
        blog.comments.put(42L, List.of("a"));
        h.call("comments", post42);                                      // db hit
        h.call("comments", post7);                                       // db hit

        blog.comments.put(42L, List.of("a", "b"));
        h.commit(insert(Comment.class, 100L, "id", 100L, "text", "b", "post", post42));

        assertThat(h.call("comments", post42)).isEqualTo(List.of("a", "b")); // db hit: group 42 dropped
        assertThat(h.call("comments", post7)).isEqualTo(List.of());           // cache hit: group 7 kept
        MethodStatistics s = stats(COMMENTS);
        assertThat(s.loads()).isEqualTo(3);
        assertThat(s.hits()).isEqualTo(1);
    }

    @Test
    void comments_afterPostDelete_dropsThatPostsGroup() throws Exception {
        h.call("comments", post42);
        h.call("comments", post7);
        h.commit(delete(Post.class, 42L, "id", 42L, "title", "forty-two"));

        h.call("comments", post42);                                      // db hit
        h.call("comments", post7);                                       // cache hit
        assertThat(blog.commentRuns).hasValue(3);
    }

    @Test
    void commentMovedBetweenPosts_dropsBothGroups() throws Exception {
        h.call("comments", post42);
        h.call("comments", post7);
        h.commit(update(Comment.class, 5L, values("id", 5L, "post", post7), values("id", 5L, "post", post42)));

        h.call("comments", post42);                                      // db hit (new group)
        h.call("comments", post7);                                       // db hit (old group)
        assertThat(blog.commentRuns).hasValue(4);
    }

    @Test
    void commentDelete_usesStateAtDeletion() throws Exception {
        h.call("comments", post42);
        h.call("comments", post7);
        h.commit(delete(Comment.class, 5L, "id", 5L, "post", post7));

        h.call("comments", post42);                                      // cache hit
        h.call("comments", post7);                                       // db hit
        assertThat(blog.commentRuns).hasValue(3);
    }

    @Test
    void multiPartKey_groupDrop_dropsEveryPageOfThatPost() throws Exception {
        h.call("commentPage", 42L, 1);
        h.call("commentPage", 42L, 2);
        h.call("commentPage", 7L, 1);
        h.commit(insert(Comment.class, 1L, "id", 1L, "post", post42));

        h.call("commentPage", 42L, 1);                                   // db hit
        h.call("commentPage", 42L, 2);                                   // db hit
        h.call("commentPage", 7L, 1);                                    // cache hit
        assertThat(blog.commentRuns).hasValue(5);
    }

    @Test
    void propertiesFilter_updateOfOtherProperty_keepsEntry_updateOfTitle_dropsIt() throws Exception {
        Object first = h.call("title", 42L);
        h.commit(update(Post.class, 42L, values("id", 42L, "title", "t", "published", false),
                values("id", 42L, "title", "t", "published", true)));
        assertThat(h.call("title", 42L)).isEqualTo(first);               // cache hit: title not dirty

        h.commit(update(Post.class, 42L, values("id", 42L, "title", "t"), values("id", 42L, "title", "u")));
        assertThat(h.call("title", 42L)).isNotEqualTo(first);            // db hit
    }

    @Test
    void suffixFunction_computesGroupFromChange() throws Exception {
        blog.comments.put(42L, List.of("a"));
        assertThat(h.call("commentCount", 42L)).isEqualTo(1);
        h.call("commentCount", 7L);
        blog.comments.put(42L, List.of("a", "b"));
        h.commit(insert(Comment.class, 9L, "id", 9L, "post", post42));

        assertThat(h.call("commentCount", 42L)).isEqualTo(2);            // db hit
        h.call("commentCount", 7L);                                      // cache hit
        assertThat(blog.commentRuns).hasValue(3);
    }

    @Test
    void suffixFunctionReturningSeveralGroups_dropsEachOfThem() throws Exception {
        for (String tag : List.of("java", "cdi", "jpa", "go")) {
            h.call("postsByTag", tag);                                   // db hits
        }
        h.commit(update(Post.class, 1L, values("id", 1L, "tags", java.util.Set.of("java", "cdi")),
                values("id", 1L, "tags", java.util.Set.of("java", "jpa"))));

        for (String tag : List.of("java", "cdi", "jpa", "go")) {
            h.call("postsByTag", tag);                                   // java, cdi, jpa: db hits; go: cache hit
        }
        MethodStatistics s = stats(BlogService.class.getName() + ".postsByTag");
        assertThat(s.loads()).isEqualTo(7);
        assertThat(s.hits()).isEqualTo(1);
        assertThat(s.invalidations()).isEqualTo(3);
    }

    @Test
    void suffixFunctionReturningAllGroups_dropsTheWholeMethod() throws Exception {
        h.call("postsByTag", "java");
        h.call("postsByTag", "go");
        h.commit(delete(Post.class, 1L, "id", 1L, "tags", null));

        h.call("postsByTag", "java");                                    // db hit
        h.call("postsByTag", "go");                                      // db hit
        assertThat(stats(BlogService.class.getName() + ".postsByTag").loads()).isEqualTo(4);
    }

    @Test
    void checker_returningFalse_keepsEntry() throws Exception {
        h.call("publishedPosts");
        h.commit(insert(Post.class, 3L, "id", 3L, "published", false));
        h.call("publishedPosts");                                        // cache hit: checker said no
        h.commit(insert(Post.class, 4L, "id", 4L, "published", true));
        h.call("publishedPosts");                                        // db hit
        assertThat(blog.latestRuns).hasValue(2);
    }

    @Test
    void checker_ofTheDocumentedExample_firesOnUnpublish() throws Exception {
        h.call("publishedPosts");                                        // db hit
        h.commit(update(Post.class, 4L, values("id", 4L, "published", true), values("id", 4L, "published", false)));
        h.call("publishedPosts");                                        // db hit: the post left the list
        h.commit(update(Post.class, 4L, values("id", 4L, "published", false), values("id", 4L, "title", "draft", "published", false)));
        h.call("publishedPosts");                                        // cache hit: never published, not in the list
        assertThat(blog.latestRuns).hasValue(2);
    }

    @Test
    void rollback_leavesEntriesAsTheyWere() throws Exception {
        h.call("comments", post42);
        TransactionChanges tx = h.engine.transaction("tx");
        tx.add(insert(Comment.class, 1L, "id", 1L, "post", post42));
        tx.completed(false);

        h.call("comments", post42);                                      // cache hit
        assertThat(blog.commentRuns).hasValue(1);
        assertThat(stats(COMMENTS).invalidations()).isZero();
    }

    @Test
    void insideTransactionWithMatchingChange_callBypassesCache_andStoresNothing() throws Exception {
        blog.comments.put(42L, List.of("a"));
        h.call("comments", post42);                                      // db hit, cached
        TransactionChanges tx = h.engine.transaction("tx");
        blog.comments.put(42L, List.of("a", "mine"));                  // the transaction's own write
        tx.add(insert(Comment.class, 1L, "id", 1L, "post", post42));

        assertThat(h.call("comments", post42)).isEqualTo(List.of("a", "mine")); // bypass: sees own write
        assertThat(h.call("comments", post42)).isEqualTo(List.of("a", "mine")); // bypass again (nothing stored)
        assertThat(h.call("latestPosts")).isEqualTo(List.of("first"));  // unaffected method uses the cache
        assertThat(stats(COMMENTS).bypasses()).isEqualTo(2);

        blog.comments.put(42L, List.of("a"));                          // rolled back
        tx.completed(false);
        assertThat(h.call("comments", post42)).isEqualTo(List.of("a")); // cache hit: the dirty value was never stored
        assertThat(blog.commentRuns).hasValue(3);
    }

    @Test
    void readBarrier_surfacingTheCallersPendingChange_makesTheCallBypass() throws Exception {
        blog.comments.put(42L, List.of("a"));
        h.call("comments", post42);                                      // db hit, cached
        TransactionChanges[] tx = new TransactionChanges[1];
        io.triggercache.spi.ReadBarrier flushOnRead = () -> {
            if (tx[0] == null) {                                         // the source flushes its pending insert
                tx[0] = h.engine.transaction("tx");
                tx[0].add(insert(Comment.class, 1L, "id", 1L, "post", post42));
            }
        };
        h.engine.addReadBarrier(flushOnRead);
        h.engine.addReadBarrier(flushOnRead);                           // registered once
        blog.comments.put(42L, List.of("a", "mine"));
        assertThat(h.call("comments", post42)).isEqualTo(List.of("a", "mine")); // bypass, not the cached ["a"]
        assertThat(stats(COMMENTS).bypasses()).isEqualTo(1);

        tx[0].completed(false);
        h.engine.removeReadBarrier(flushOnRead);
        blog.comments.put(42L, List.of("a"));
        assertThat(h.call("comments", post42)).isEqualTo(List.of("a"));  // cache hit again
        assertThat(blog.commentRuns).hasValue(2);
    }

    @Test
    void changeOutsideTransaction_appliesAtOnce() throws Exception {
        h.call("comments", post42);
        h.engine.changedNow(insert(Comment.class, 1L, "id", 1L, "post", post42));
        h.call("comments", post42);                                      // db hit
        assertThat(blog.commentRuns).hasValue(2);
    }

    @Test
    void bulkChange_dropsEveryMethodTriggeredByTheEntity() throws Exception {
        h.call("comments", post42);
        h.call("comments", post7);
        h.call("latestPosts");
        TransactionChanges tx = h.engine.transaction("bulk");
        tx.addBulk(Comment.class);
        tx.completed(true);

        h.call("comments", post42);                                      // db hit
        h.call("comments", post7);                                       // db hit
        h.call("latestPosts");                                           // cache hit: no Comment trigger
        assertThat(blog.commentRuns).hasValue(4);
        assertThat(blog.latestRuns).hasValue(1);
    }

    @Test
    void applicationEvent_outsideTransaction_dropsItsGroup() throws Exception {
        Object five = h.call("price", 5L);
        Object six = h.call("price", 6L);
        h.engine.applicationEvent(new BlogService.PriceChanged(5L));

        assertThat(h.call("price", 5L)).isNotEqualTo(five);              // db hit
        assertThat(h.call("price", 6L)).isEqualTo(six);                  // cache hit
    }

    @Test
    void applicationEvent_insideChangeSourceTransaction_waitsForCommit() throws Exception {
        Object five = h.call("price", 5L);
        TransactionChanges tx = h.engine.transaction("tx");
        h.engine.applicationEvent(new BlogService.PriceChanged(5L));
        Object during = h.call("price", 5L);                             // bypass inside the transaction
        assertThat(during).isNotEqualTo(five);
        tx.completed(true);
        Object after = h.call("price", 5L);                              // db hit after commit
        assertThat(after).isNotEqualTo(five).isNotEqualTo(during);
        assertThat(h.call("price", 5L)).isEqualTo(after);                // cache hit
    }

    @Test
    void applicationEvent_inAJtaTransactionThatRefusesCallbacks_dropsAtOnceRatherThanNever() throws Exception {
        TransactionBridge refusing = new TransactionBridge() {
            @Override
            public Object currentTransaction() {
                return "jta-1";
            }

            @Override
            public void afterCompletion(java.util.function.Consumer<Boolean> callback) {
                throw new IllegalStateException("transaction is completing");
            }
        };
        try (TriggerCacheEngine engine = TriggerCacheEngine.builder().store(io.triggercache.jcache.JCacheStore.embedded(), true)
                .transactions(refusing).build(Harness.definitions(BlogService.class))) {
            java.lang.reflect.Method price = BlogService.class.getMethod("price", long.class);
            TriggerCacheEngine.Loader<Object> load = ignored -> blog.price(5L);
            Object first = engine.call(price, new Object[] {5L}, load, null);
            engine.applicationEvent(new BlogService.PriceChanged(5L));
            assertThat(engine.call(price, new Object[] {5L}, load, null)).isNotEqualTo(first); // dropped at once
            assertThat(engine.of(BlogService.class.getName() + ".price").invalidations()).isEqualTo(1);
        }
    }

    @Test
    void loaderException_propagatesUnchanged_andIsNotCached() throws Exception {
        blog.failWith = "db down";
        assertThatThrownBy(() -> h.call("failing", "k")).isInstanceOf(IOException.class).hasMessage("db down");
        blog.failWith = null;
        assertThat(h.call("failing", "k")).isEqualTo("ok-k");             // db hit: the failure was not cached
        assertThat(h.call("failing", "k")).isEqualTo("ok-k");             // cache hit
        MethodStatistics s = stats(BlogService.class.getName() + ".failing");
        assertThat(s.loadFailures()).isEqualTo(1);
        assertThat(s.loads()).isEqualTo(1);
        assertThat(s.hits()).isEqualTo(1);
    }

    @Test
    void nullResult_notCachedByDefault_cachedWithCacheNulls() throws Exception {
        assertThat(h.call("nullable", "k")).isNull();
        assertThat(h.call("nullable", "k")).isNull();
        assertThat(blog.latestRuns).hasValue(2);

        assertThat(h.call("nullCached", "k")).isNull();
        assertThat(h.call("nullCached", "k")).isNull();                  // cache hit on the null marker
        assertThat(blog.latestRuns).hasValue(3);
    }

    @Test
    void ttl_entryServedUntilExpiry_thenReloaded() throws Exception {
        h.randomValue = 0.5;                                             // no jitter: exactly 10 minutes
        Object first = h.call("expiring", "k");
        h.now.addAndGet(10 * 60_000 - 1);
        assertThat(h.call("expiring", "k")).isEqualTo(first);            // cache hit, 1 ms before expiry
        h.now.addAndGet(1);
        assertThat(h.call("expiring", "k")).isNotEqualTo(first);         // expired: db hit
        assertThat(blog.latestRuns).hasValue(2);
    }

    @Test
    void jitter_spreadsExpiryWithinTtlTimesOnePlusMinusJitter() throws Exception {
        h.randomValue = 0.0;                                             // shortest: 10m * (1 - 0.5) = 5m
        Object shortLived = h.call("expiring", "a");
        h.randomValue = 0.999_999;                                       // longest: just under 15m
        Object longLived = h.call("expiring", "b");

        h.now.addAndGet(5 * 60_000 - 1);
        assertThat(h.call("expiring", "a")).isEqualTo(shortLived);
        h.now.addAndGet(1);
        assertThat(h.call("expiring", "a")).isNotEqualTo(shortLived);    // 5m: expired
        h.now.addAndGet(10 * 60_000 - 1000);
        assertThat(h.call("expiring", "b")).isEqualTo(longLived);        // 14m59s: still there
        h.now.addAndGet(1000);
        assertThat(h.call("expiring", "b")).isNotEqualTo(longLived);     // 15m: expired
    }

    @Test
    void invalidator_dropsMethodOrGroup() throws Exception {
        h.call("comments", post42);
        h.call("comments", post7);
        h.engine.invalidateGroup(COMMENTS, 42);                          // an int meets the Long ids
        h.call("comments", post42);                                      // db hit
        h.call("comments", post7);                                       // cache hit
        h.engine.invalidate(COMMENTS);
        h.call("comments", post42);                                      // db hit
        h.call("comments", post7);                                       // db hit
        assertThat(blog.commentRuns).hasValue(5);

        h.call("latestPosts");
        h.engine.invalidateAll();
        h.call("latestPosts");
        assertThat(blog.latestRuns).hasValue(2);
    }

    @Test
    void invalidator_unknownNameOrWrongArity_saysSo() {
        assertThatThrownBy(() -> h.engine.invalidate("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no cached method is named \"nope\" (known: ")
                .hasMessageContaining(COMMENTS);
        assertThatThrownBy(() -> h.engine.invalidateGroup(COMMENTS, 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(COMMENTS + " has 1 suffix part(s) but 2 value(s) were given");
    }

    @Test
    void statistics_listsEveryMethodSortedByName() {
        List<String> names = new ArrayList<>();
        h.engine.all().forEach(s -> names.add(s.name()));
        assertThat(names).isSorted().contains(COMMENTS, LATEST).hasSize(h.engine.names().size());
        assertThatThrownBy(() -> h.engine.of("x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void watches_isTrueForTriggeredTypesAndSubtypes_only() {
        class SpecialPost extends Post {
        }
        assertThat(h.engine.watches(Post.class)).isTrue();
        assertThat(h.engine.watches(SpecialPost.class)).isTrue();
        assertThat(h.engine.watches(String.class)).isFalse();
    }
}
