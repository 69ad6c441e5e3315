package io.triggercache.engine;

import static io.triggercache.testing.Changes.insert;
import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.Cached;
import io.triggercache.MethodStatistics;
import io.triggercache.Trigger;
import io.triggercache.testing.Comment;
import io.triggercache.testing.Post;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** I9: an entry computed from other cached methods' results is dropped whenever a group it was computed from is. */
class NestedTest {

    private static final String PAGE = Pages.class.getName() + ".page";
    private final Pages pages = new Pages();
    private final Harness h = new Harness(pages);

    NestedTest() {
        pages.harness = h;
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void outerEntry_isDroppedWithTheInnerGroupItRendered_andOnlyThatOne() throws Exception {
        pages.comments.put(42L, "c42");
        pages.comments.put(7L, "c7");
        assertThat(h.call("page", 42L)).isEqualTo("<c42>");               // db hit: page loads, comments load
        assertThat(h.call("page", 7L)).isEqualTo("<c7>");
        assertThat(h.call("page", 42L)).isEqualTo("<c42>");               // cache hit, no inner call
        pages.comments.put(42L, "c42b");
        h.commit(insert(Comment.class, 1L, "id", 1L, "post", new Post(42L, "p")));   // drops comments group 42 only

        assertThat(h.call("page", 42L)).isEqualTo("<c42b>");              // db hit: the page had no trigger of its own
        assertThat(h.call("page", 7L)).isEqualTo("<c7>");                 // cache hit
        MethodStatistics s = h.engine.of(PAGE);
        assertThat(s.loads()).isEqualTo(3);
        assertThat(s.hits()).isEqualTo(2);
        assertThat(pages.commentRuns).hasValue(3);
    }

    @Test
    void outerBuiltFromAnInnerHit_dependsOnItToo() throws Exception {
        pages.comments.put(42L, "c42");
        assertThat(h.call("comments", 42L)).isEqualTo("c42");            // inner cached first
        assertThat(h.call("page", 42L)).isEqualTo("<c42>");               // outer load, inner hit
        pages.comments.put(42L, "new");
        h.commit(insert(Comment.class, 1L, "id", 1L, "post", new Post(42L, "p")));
        assertThat(h.call("page", 42L)).isEqualTo("<new>");               // db hit
    }

    @Test
    void innerCallThatBypassed_keepsTheOuterFromBeingStored() throws Exception {
        pages.comments.put(42L, "c42");
        var tx = h.engine.transaction(new Object());
        tx.add(insert(Comment.class, 1L, "id", 1L, "post", new Post(42L, "p")));   // this thread's own pending write
                assertThat(h.call("page", 42L)).isEqualTo("<c42>");               // inner bypassed (dirty): outer not stored
        tx.completed(false);
        assertThat(h.call("page", 42L)).isEqualTo("<c42>");               // db hit
        assertThat(h.engine.of(PAGE).loads()).isEqualTo(2);
    }

    /** A page rendering cached comments, with no trigger of its own. */
    public static class Pages {
        Harness harness;
        final Map<Long, String> comments = new ConcurrentHashMap<>();
        final AtomicInteger commentRuns = new AtomicInteger();

        @Cached(suffix = "postId")
        public String page(long postId) throws Exception {
            return "<" + harness.call("comments", postId) + ">";
        }

        @Cached(suffix = "postId", triggers = @Trigger(entity = Comment.class, suffix = "post.id"))
        public String comments(long postId) {
            commentRuns.incrementAndGet();
            return comments.get(postId);
        }
    }
}
