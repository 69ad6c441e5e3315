package io.triggercache.engine;

import static io.triggercache.testing.Changes.insert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggercache.EntityEvent;
import io.triggercache.MethodStatistics;
import io.triggercache.testing.Comment;
import io.triggercache.testing.Post;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cached computations defined in code (what a fragment tag registers): the rules of cached methods apply. */
class BlockTest {

    private final NestedTest.Pages pages = new NestedTest.Pages();
    private final Harness h = new Harness(pages);
    private final AtomicInteger renders = new AtomicInteger();

    BlockTest() {
        pages.harness = h;
    }

    @AfterEach
    void close() {
        h.close();
    }

    private CachedBlock commentsFragment() {
        return h.engine.define(new BlockDefinition("fragment:/post.xhtml:12", "/post.xhtml line 12", 1, Duration.ZERO,
                List.of(BlockDefinition.trigger(new Class<?>[] {Comment.class}, EntityEvent.values(), new String[] {"post.id"}))));
    }

    private Object render(CachedBlock block, long postId) throws Exception {
        return block.get(List.of(postId), List.of("/post.xhtml"), ignored -> "<li>" + postId + "#" + renders.incrementAndGet() + "</li>", null);
    }

    @Test
    void block_isCachedPerGroupAndKey_andItsExplicitTriggerDropsOnlyThatGroup() throws Exception {
        CachedBlock block = commentsFragment();
        assertThat(render(block, 42L)).isEqualTo("<li>42#1</li>");        // rendered
        assertThat(render(block, 7L)).isEqualTo("<li>7#2</li>");
        assertThat(render(block, 42L)).isEqualTo("<li>42#1</li>");        // cache hit
        h.commit(insert(Comment.class, 1L, "id", 1L, "post", new Post(42L, "p")));
        assertThat(render(block, 42L)).isEqualTo("<li>42#3</li>");        // rendered again: its group was dropped
        assertThat(render(block, 7L)).isEqualTo("<li>7#2</li>");          // cache hit
        MethodStatistics s = h.engine.of(block.name());
        assertThat(s.loads()).isEqualTo(3);
        assertThat(s.hits()).isEqualTo(2);
        assertThat(s.invalidations()).isEqualTo(1);
    }

    @Test
    void intGroupValue_meetsTheLongIdOfTheTrigger() throws Exception {
        CachedBlock block = commentsFragment();
        block.get(List.of(42), List.of(), ignored -> "x" + renders.incrementAndGet(), null);
        h.commit(insert(Comment.class, 1L, "id", 1L, "post", new Post(42L, "p")));
        assertThat(block.get(List.of(42), List.of(), ignored -> "x" + renders.incrementAndGet(), null)).isEqualTo("x2");
    }

    @Test
    void definingAgain_returnsTheSameBlock_definingDifferentlyUnderTheName_fails() {
        CachedBlock first = commentsFragment();
        assertThat(commentsFragment()).isSameAs(first);
        assertThatThrownBy(() -> h.engine.define(new BlockDefinition(first.name(), "/other.xhtml line 3", 0, Duration.ZERO, List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cached block \"fragment:/post.xhtml:12\" at /other.xhtml line 3 is already defined differently at /post.xhtml line 12. Give each a distinct name.");
    }

    @Test
    void invalidTrigger_isReportedWithTheBlocksLocation() {
        assertThatThrownBy(() -> h.engine.define(new BlockDefinition("f", "/post.xhtml line 4", 1, Duration.ZERO,
                List.of(BlockDefinition.trigger(new Class<?>[] {Comment.class}, EntityEvent.values(), new String[] {"post.idd"})))))
                .isInstanceOf(InvalidDeclarationsException.class)
                .hasMessageContaining("cached block \"f\" at /post.xhtml line 4: trigger #1 suffix \"post.idd\": Post has no property \"idd\"");
    }
}
