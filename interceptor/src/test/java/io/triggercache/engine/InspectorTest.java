package io.triggercache.engine;

import static io.triggercache.testing.Changes.insert;
import static io.triggercache.testing.Changes.update;
import static io.triggercache.testing.Changes.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggercache.CacheInspector;
import io.triggercache.CacheInspector.Drop;
import io.triggercache.CacheInspector.Explanation;
import io.triggercache.testing.Comment;
import io.triggercache.testing.Post;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The inspector says what each method declares, what dropped its entries and what a call would meet. */
class InspectorTest {

    private static final String COMMENTS = BlogService.class.getName() + ".comments";
    private static final String LATEST = BlogService.class.getName() + ".latestPosts";

    private final BlogService blog = new BlogService();
    private final Harness h = new Harness(blog);
    private final CacheInspector inspector = h.engine.inspector();
    private final Post post42 = new Post(42L, "forty-two");
    private final Post post7 = new Post(7L, "seven");

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void method_describesSuffixKeyAndTriggersReadably() {
        CacheInspector.MethodInfo info = inspector.method(COMMENTS);

        assertThat(info.name()).isEqualTo(COMMENTS);
        assertThat(info.cache()).isEqualTo(COMMENTS);
        assertThat(info.suffix()).containsExactly("post.id");
        assertThat(info.key()).containsExactly("post.id");
        assertThat(info.triggers()).containsExactly(
                "Comment INSERT|UPDATE|DELETE -> group post.id",
                "Post DELETE -> group id");
        assertThat(info.ttl()).isEmpty();
        assertThat(info.near()).isEqualTo("DEFAULT");
        assertThat(info.store()).contains("opened by triggercache");
        assertThat(inspector.methods()).extracting(CacheInspector.MethodInfo::name).contains(COMMENTS, LATEST).isSorted();
    }

    @Test
    void explain_aCommitOfACommentOnPost42_namesTheChangeTheTriggerAndTheGroup() throws Exception {
        h.call("comments", post42);
        h.call("comments", post7);
        assertThat(inspector.explain(COMMENTS, post42).cached()).isTrue();

        h.commit(update(Comment.class, 7L, values("id", 7L, "text", "old", "post", post42),
                values("id", 7L, "text", "new", "post", post42)));

        Explanation e = inspector.explain(COMMENTS, post42);
        assertThat(e.group()).containsExactly(42L);
        assertThat(e.cached()).isFalse();
        assertThat(e.bypass()).isEmpty();
        Drop d = e.lastDrop().orElseThrow();
        assertThat(d.cause()).isEqualTo("Comment#7 UPDATE [text] (post.id) -> group [42]");
        assertThat(d.source()).isEqualTo(CacheInspector.Source.ENTITY);
        assertThat(d.trigger()).contains("Comment INSERT|UPDATE|DELETE -> group post.id");
        assertThat(d.group()).contains(List.of(42L));
        assertThat(d.committed().toEpochMilli()).isEqualTo(h.now.get());
        assertThat(e.text()).contains(COMMENTS + ": group [42]; not cached; last dropped ", "Comment#7 UPDATE [text] (post.id) -> group [42]");

        Explanation other = inspector.explain(COMMENTS, post7);      // post 7's group was not dropped: still a hit
        assertThat(other.cached()).isTrue();
        assertThat(other.lastDrop()).isEmpty();
        assertThat(h.engine.of(COMMENTS).hits()).isZero();             // explaining neither hits nor loads
        assertThat(h.engine.of(COMMENTS).loads()).isEqualTo(2);
    }

    @Test
    void explain_anInvalidatorCall_namesTheCallAndItsCaller() throws Exception {
        h.call("comments", post42);

        h.engine.invalidateGroup(COMMENTS, 42L);

        Drop d = inspector.explain(COMMENTS, post42).lastDrop().orElseThrow();
        assertThat(d.source()).isEqualTo(CacheInspector.Source.INVALIDATOR);
        assertThat(d.cause()).startsWith("Invalidator.invalidateGroup(\"" + COMMENTS + "\", [42]) from "
                + InspectorTest.class.getName() + ".explain_anInvalidatorCall_namesTheCallAndItsCaller(InspectorTest.java:");
        assertThat(d.trigger()).isEmpty();
    }

    @Test
    void explain_insideATransactionWithPendingChanges_saysWhyTheCallBypasses() throws Exception {
        h.call("comments", post42);
        var pending = h.engine.transaction(new Object());          // bound to this thread, as a change source's is
        try {
            pending.add(insert(Comment.class, 8L, "id", 8L, "text", "b", "post", post42));

            Explanation e = inspector.explain(COMMENTS, post42);
            assertThat(e.bypass()).hasValueSatisfying(b -> assertThat(b).contains("pending changes"));
            assertThat(e.text()).contains("bypasses the cache: the calling transaction has pending changes");
        } finally {
            pending.completed(false);
        }
        assertThat(inspector.explain(COMMENTS, post42).bypass()).isEmpty();
        assertThat(inspector.explain(COMMENTS, post42).cached()).isTrue();     // rolled back: nothing dropped
    }

    @Test
    void lastDrops_areNewestFirst_boundedPerMethod_andWholeMethodDropsSayWhy() throws Exception {
        for (long id = 1; id <= CacheInspector.DEFAULT_DROPS_PER_METHOD + 4; id++) {
            h.commit(insert(Comment.class, id, "id", id, "text", "t", "post", new Post(id, "p")));
        }
        List<Drop> drops = inspector.lastDrops(COMMENTS);
        assertThat(drops).hasSize(CacheInspector.DEFAULT_DROPS_PER_METHOD);
        assertThat(drops.get(0).group()).contains(List.of((long) CacheInspector.DEFAULT_DROPS_PER_METHOD + 4));
        assertThat(drops.get(drops.size() - 1).group()).contains(List.of(5L));

        h.commit(insert(Post.class, 3L, "id", 3L, "title", "t"));
        Drop whole = inspector.lastDrops(LATEST).get(0);
        assertThat(whole.group()).isEmpty();
        assertThat(whole.cause()).isEqualTo("Post#3 INSERT -> the whole method");
    }

    @Test
    void recordingOff_keepsNoDrops() throws Exception {
        try (TriggerCacheEngine off = TriggerCacheEngine.builder().store(io.triggercache.jcache.JCacheStore.embedded(), true)
                .dropsPerMethod(0).build(Harness.definitions(BlogService.class))) {
            var tx = off.transaction(new Object());
            tx.add(insert(Comment.class, 1L, "id", 1L, "text", "t", "post", post42));
            tx.completed(true);
            assertThat(off.inspector().lastDrops(COMMENTS)).isEmpty();
            assertThat(off.of(COMMENTS).invalidations()).isEqualTo(1);
        }
    }

    @Test
    void health_isReadyOnAWorkingEmbeddedStore() {
        CacheInspector.Health health = inspector.health();
        assertThat(health.ready()).isTrue();
        assertThat(health.owed()).isEmpty();
        assertThat(health.storeReachable()).isTrue();
        assertThat(health.peersTrusted()).isTrue();
    }

    @Test
    void unknownNamesAndWrongArguments_areRefusedClearly() {
        assertThatThrownBy(() -> inspector.method("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no cached method is named \"nope\"");
        assertThatThrownBy(() -> inspector.explain(COMMENTS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(COMMENTS + " takes 1 argument(s) but 0 were given");
        assertThat(Optional.ofNullable(inspector.lastDrops(LATEST))).isPresent();
    }
}
