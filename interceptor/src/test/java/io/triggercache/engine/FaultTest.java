package io.triggercache.engine;

import static io.triggercache.testing.Changes.insert;
import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.MethodStatistics;
import io.triggercache.jcache.JCacheStore;
import io.triggercache.testing.Comment;
import io.triggercache.testing.FaultyStore;
import io.triggercache.testing.Post;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** I5: the store being unavailable never fails a business call, and never leaves a stale value served. */
class FaultTest {

    private static final String COMMENTS = BlogService.class.getName() + ".comments";
    private final BlogService blog = new BlogService();
    private final FaultyStore store = new FaultyStore(JCacheStore.embedded());
    private final Harness h = new Harness(blog, store);
    private final Post post42 = new Post(42L, "p");

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void storeDown_callsRunTheMethod_andSucceed_thenCachingResumes() throws Exception {
        blog.comments.put(42L, List.of("a"));
        store.down();
        assertThat(h.call("comments", post42)).isEqualTo(List.of("a"));  // db hit, store unreachable
        assertThat(h.call("comments", post42)).isEqualTo(List.of("a"));  // db hit again
        MethodStatistics s = h.engine.of(COMMENTS);
        assertThat(s.bypasses()).isEqualTo(2);
        assertThat(s.errors()).isEqualTo(2);
        assertThat(s.hits()).isZero();

        store.up();
        h.call("comments", post42);                                      // db hit, stored
        h.call("comments", post42);                                      // cache hit
        assertThat(blog.commentRuns).hasValue(3);
        assertThat(h.engine.of(COMMENTS).hits()).isEqualTo(1);
    }

    @Test
    void nearTierAskedForByTheAnnotation_reachesTheStore() {
        assertThat(store.specs).filteredOn(spec -> spec.name().equals(BlogService.class.getName() + ".expiring"))
                .singleElement().extracting(spec -> spec.near()).isEqualTo(io.triggercache.Cached.Near.NEAR);
        assertThat(store.specs).filteredOn(spec -> spec.name().equals(COMMENTS))
                .singleElement().extracting(spec -> spec.near()).isEqualTo(io.triggercache.Cached.Near.DEFAULT);
    }

    @Test
    void storeThatCannotVouchForItsEntries_isBypassed_neitherReadNorWritten() throws Exception {
        blog.comments.put(42L, List.of("old"));
        h.call("comments", post42);                                      // cached "old"
        blog.comments.put(42L, List.of("new"));                          // changed by another node, drop owed there
        store.unavailable(true);

        assertThat(h.call("comments", post42)).isEqualTo(List.of("new")); // the method ran: not the cached "old"
        assertThat(h.call("comments", post42)).isEqualTo(List.of("new"));
        MethodStatistics s = h.engine.of(COMMENTS);
        assertThat(s.bypasses()).isEqualTo(2);
        assertThat(s.errors()).isZero();                                  // not a fault: nothing failed here
        assertThat(blog.commentRuns).hasValue(3);

        // the bypassed calls stored nothing: the entry from before is still the store's (a real peer
        // replaces the region's epoch before its store becomes available again; this fake only shows the writes)
        store.unavailable(false);
        assertThat(h.call("comments", post42)).as("nothing was stored while unavailable").isEqualTo(List.of("old"));
        assertThat(h.engine.of(COMMENTS).hits()).isEqualTo(1);
    }

    @Test
    void invalidationDuringOutage_isNotForgotten_methodBypassesUntilTheStoreAcceptsIt() throws Exception {
        blog.comments.put(42L, List.of("old"));
        h.call("comments", post42);                                      // cached "old"
        store.down();
        blog.comments.put(42L, List.of("new"));
        h.commit(insert(Comment.class, 1L, "id", 1L, "post", post42));   // the drop fails: owed
        store.up();

        assertThat(h.call("comments", post42)).isEqualTo(List.of("new")); // bypass: the owed drop is not yet retried
        assertThat(h.call("comments", post42)).isEqualTo(List.of("new")); // still bypassing, never the stale "old"
        h.now.addAndGet(1_000);                                          // retry period elapsed
        assertThat(h.call("comments", post42)).isEqualTo(List.of("new")); // repaired (whole method dropped), db hit, stored
        assertThat(h.call("comments", post42)).isEqualTo(List.of("new")); // cache hit
        MethodStatistics s = h.engine.of(COMMENTS);
        assertThat(s.bypasses()).isEqualTo(2);
        assertThat(s.hits()).isEqualTo(1);
        assertThat(blog.commentRuns).hasValue(4);
    }

    @Test
    void owedInvalidation_isAppliedWithTheNextInvalidation_withoutWaitingForTheRetryPeriod() throws Exception {
        blog.comments.put(42L, List.of("old"));
        h.call("comments", post42);                                      // cached "old"
        store.down();
        h.commit(insert(Comment.class, 1L, "id", 1L, "post", post42));   // owed
        store.up();
        blog.comments.put(42L, List.of("new"));
        // another node may be storing values right now: the next invalidation must not wait for a call
        h.commit(insert(Comment.class, 2L, "id", 2L, "post", new Post(7L, "p")));

        assertThat(h.call("comments", post42)).isEqualTo(List.of("new")); // no bypass: repaired, db hit, stored
        assertThat(h.call("comments", post42)).isEqualTo(List.of("new")); // cache hit
        MethodStatistics s = h.engine.of(COMMENTS);
        assertThat(s.bypasses()).isZero();
        assertThat(s.hits()).isEqualTo(1);
    }

    @Test
    void loadThatStoresNothing_abandonsTheKey_soAStoreCanReleaseItsLease() throws Exception {
        blog.failWith = "db down";
        try {
            h.call("failing", "k");
        } catch (java.io.IOException expected) {
            // the loader's exception reaches the caller unchanged
        }
        assertThat(store.abandoned).hasValue(1);                       // the load threw
        h.call("nullable", "k");
        assertThat(store.abandoned).hasValue(2);                       // a null that is not cached
        blog.failWith = null;
        h.call("failing", "k");
        assertThat(store.abandoned).hasValue(2);                       // stored: the put releases it
    }

    @Test
    void repairAttemptWhileStoreStillDown_keepsBypassing() throws Exception {
        blog.comments.put(42L, List.of("old"));
        h.call("comments", post42);
        store.down();
        h.commit(insert(Comment.class, 1L, "id", 1L, "post", post42));
        blog.comments.put(42L, List.of("new"));
        h.now.addAndGet(1_000);
        assertThat(h.call("comments", post42)).isEqualTo(List.of("new")); // repair fails, bypass
        store.up();
        assertThat(h.call("comments", post42)).isEqualTo(List.of("new")); // next retry not due: bypass
        h.now.addAndGet(1_000);
        assertThat(h.call("comments", post42)).isEqualTo(List.of("new")); // repaired
        assertThat(h.call("comments", post42)).isEqualTo(List.of("new")); // cache hit
        assertThat(h.engine.of(COMMENTS).hits()).isEqualTo(1);
    }
}
