package io.triggercache.engine;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.testing.Comment;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/** Cached methods returning futures: the test decides what each call returns. */
public class AsyncService {

    final AtomicInteger runs = new AtomicInteger();
    volatile CompletableFuture<String> next;

    @Cached(suffix = "postId", triggers = @Trigger(entity = Comment.class, suffix = "post.id"))
    public CompletableFuture<String> text(long postId) {
        runs.incrementAndGet();
        return next;
    }

    @Cached(suffix = "postId", triggers = @Trigger(entity = Comment.class, suffix = "post.id"))
    public CompletionStage<String> stage(long postId) {
        runs.incrementAndGet();
        return next;
    }
}
