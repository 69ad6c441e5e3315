package io.triggercache.engine;

import static io.triggercache.testing.Changes.insert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggercache.Cached;
import io.triggercache.MethodStatistics;
import io.triggercache.testing.Comment;
import io.triggercache.testing.Post;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Methods returning {@code CompletionStage}/{@code CompletableFuture}: the completed value is cached, never a failure. */
class AsyncResultTest {

    private static final String TEXT = AsyncService.class.getName() + ".text";
    private final AsyncService service = new AsyncService();
    private final Harness h = new Harness(service);

    @AfterEach
    void close() {
        h.close();
    }

    @SuppressWarnings("unchecked")
    private CompletableFuture<String> text(long postId) throws Exception {
        return (CompletableFuture<String>) h.call("text", postId);
    }

    @Test
    void failedCompletion_isNotCached_theNextCallRunsAgain() throws Exception {
        service.next = CompletableFuture.failedFuture(new IOException("db down"));
        assertThatThrownBy(() -> text(42L).get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IOException.class);                   // db hit, failed
        service.next = CompletableFuture.completedFuture("v1");
        assertThat(text(42L).get(5, TimeUnit.SECONDS)).isEqualTo("v1");   // db hit: the failure was not kept
        assertThat(text(42L).get(5, TimeUnit.SECONDS)).isEqualTo("v1");   // cache hit
        assertThat(service.runs).hasValue(2);
        MethodStatistics s = h.engine.of(TEXT);
        assertThat(s.loadFailures()).isEqualTo(1);
        assertThat(s.loads()).isEqualTo(1);
        assertThat(s.hits()).isEqualTo(1);
    }

    @Test
    void concurrentCallers_shareOneInFlightLoad_andEachGetsItsOwnFuture() throws Exception {
        CompletableFuture<String> pending = new CompletableFuture<>();
        service.next = pending;
        CompletableFuture<String> first = text(42L);                      // db hit, not complete yet
        CompletableFuture<String> second = text(42L);                     // joins the load in flight
        assertThat(service.runs).hasValue(1);
        second.cancel(true);                                              // one caller giving up does not fail the other
        pending.complete("v1");
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("v1");
        assertThat(text(42L).get(5, TimeUnit.SECONDS)).isEqualTo("v1");   // cache hit
        assertThat(service.runs).hasValue(1);
        assertThat(h.engine.of(TEXT).hits()).isEqualTo(1);
    }

    @Test
    void dropWhileTheAsyncLoadRuns_keepsItsResultFromBeingServed() throws Exception {
        CompletableFuture<String> pending = new CompletableFuture<>();
        service.next = pending;
        CompletableFuture<String> first = text(42L);                      // db hit: began before the commit
        h.commit(insert(Comment.class, 7L, "id", 7L, "post", new Post(42L, "p")));
        pending.complete("old");
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("old");
        service.next = CompletableFuture.completedFuture("new");
        assertThat(text(42L).get(5, TimeUnit.SECONDS)).isEqualTo("new");  // db hit: "old" was not stored as current
        assertThat(service.runs).hasValue(2);
    }

    @Test
    void completionStageReturnType_isCachedToo() throws Exception {
        service.next = CompletableFuture.completedFuture("v1");
        CompletionStage<?> a = (CompletionStage<?>) h.call("stage", 42L);
        CompletionStage<?> b = (CompletionStage<?>) h.call("stage", 42L);   // cache hit
        assertThat(a.toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo("v1");
        assertThat(b.toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo("v1");
        assertThat(service.runs).hasValue(1);
    }

    @Test
    void returnTypesThatCannotBeCached_failTheDeployment_namingEach() {
        assertThatThrownBy(() -> Harness.build(Uncacheable.class))
                .isInstanceOf(InvalidDeclarationsException.class)
                .hasMessageContaining("@Cached on " + Uncacheable.class.getName() + ".lines(): the method returns Stream, which can be consumed only once")
                .hasMessageContaining("@Cached on " + Uncacheable.class.getName() + ".cursor(): the method returns Iterator, which can be consumed only once")
                .hasMessageContaining("@Cached on " + Uncacheable.class.getName() + ".publisher(): the method returns Publisher")
                .hasMessageContaining("@Cached on " + Uncacheable.class.getName() + ".future(): the method returns Future");
    }

    /** Return types the library cannot cache correctly. */
    public static class Uncacheable {
        @Cached
        public Stream<String> lines() {
            return Stream.of("a");
        }

        @Cached
        public Iterator<String> cursor() {
            return List.of("a").iterator();
        }

        @Cached
        public Flow.Publisher<String> publisher() {
            return s -> { };
        }

        @Cached
        public Future<String> future() {
            return CompletableFuture.completedFuture("a");
        }
    }
}
