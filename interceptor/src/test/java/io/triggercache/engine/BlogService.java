package io.triggercache.engine;

import static io.triggercache.EntityEvent.DELETE;
import static io.triggercache.EntityEvent.INSERT;
import static io.triggercache.EntityEvent.UPDATE;

import io.triggercache.Cached;
import io.triggercache.Change;
import io.triggercache.Checker;
import io.triggercache.SuffixFunction;
import io.triggercache.Trigger;
import io.triggercache.testing.Comment;
import io.triggercache.testing.Post;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A plain service with cached methods, the "database" being maps the tests change. */
public class BlogService {

    final List<String> posts = new ArrayList<>(List.of("first"));
    final Map<Long, List<String>> comments = new ConcurrentHashMap<>();
    final AtomicInteger latestRuns = new AtomicInteger();
    final AtomicInteger commentRuns = new AtomicInteger();
    volatile String failWith;

    @Cached(triggers = @Trigger(entity = Post.class, on = {INSERT, DELETE}))
    public List<String> latestPosts() {
        latestRuns.incrementAndGet();
        return List.copyOf(posts);
    }

    @Cached(suffix = "post.id", triggers = {
            @Trigger(entity = Comment.class, suffix = "post.id"),
            @Trigger(entity = Post.class, on = DELETE, suffix = "id")})
    public List<String> comments(Post post) {
        commentRuns.incrementAndGet();
        return List.copyOf(comments.getOrDefault(post.getId(), List.of()));
    }

    @Cached(suffix = "postId", key = {"postId", "page"}, triggers = @Trigger(entity = Comment.class, suffix = "post.id"))
    public String commentPage(long postId, int page) {
        commentRuns.incrementAndGet();
        return postId + "/" + page + "/" + comments.getOrDefault(postId, List.of()).size();
    }

    @Cached(suffix = "#0", triggers = @Trigger(entity = Post.class, on = UPDATE, suffix = "id", properties = "title"))
    public String title(long postId) {
        latestRuns.incrementAndGet();
        return "title-" + postId + "-" + latestRuns.get();
    }

    @Cached(suffix = "postId", triggers = @Trigger(entity = Comment.class, suffixFunction = CommentToPost.class))
    public int commentCount(long postId) {
        commentRuns.incrementAndGet();
        return comments.getOrDefault(postId, List.of()).size();
    }

    @Cached(triggers = @Trigger(entity = Post.class, checker = OnlyPublished.class))
    public List<String> publishedPosts() {
        latestRuns.incrementAndGet();
        return List.copyOf(posts);
    }

    @Cached(suffix = "productId", triggers = @Trigger(event = PriceChanged.class, suffix = "productId"))
    public String price(long productId) {
        latestRuns.incrementAndGet();
        return "price-" + productId + "-" + latestRuns.get();
    }

    @Cached(ttl = "10m", jitter = 0.5, near = Cached.Near.NEAR)
    public String expiring(String key) {
        latestRuns.incrementAndGet();
        return key + latestRuns.get();
    }

    @Cached
    public String nullable(String key) {
        latestRuns.incrementAndGet();
        return null;
    }

    @Cached(cacheNulls = true)
    public String nullCached(String key) {
        latestRuns.incrementAndGet();
        return null;
    }

    @Cached
    public String failing(String key) throws IOException {
        latestRuns.incrementAndGet();
        if (failWith != null) {
            throw new IOException(failWith);
        }
        return "ok-" + key;
    }

    @Cached(suffix = "tag", triggers = @Trigger(entity = Post.class, suffixFunction = PostTags.class))
    public String postsByTag(String tag) {
        commentRuns.incrementAndGet();
        return "posts tagged " + tag + " #" + commentRuns.get();
    }

    /** The groups of a post are its tags: a retag drops the groups of the old and the new tags. */
    public static class PostTags implements SuffixFunction {
        @Override
        public Object suffix(Change change, Change.State state) {
            @SuppressWarnings("unchecked")
            java.util.Set<String> tags = (java.util.Set<String>) state.get("tags");
            if (tags == null) {
                return ALL_GROUPS;                                       // not known (say, never loaded)
            }
            return SuffixFunction.each(tags);
        }
    }

    public record PriceChanged(long productId) {
    }

    public static class CommentToPost implements SuffixFunction {
        @Override
        public Object suffix(Change change, Change.State state) {
            Post post = (Post) state.get("post");
            return post == null ? NO_GROUP : post.getId();
        }
    }

    public static class OnlyPublished implements Checker {
        @Override
        public boolean test(Change change) {
            return published(change.before()) || published(change.after());
        }

        private static boolean published(Change.State state) {
            if (state == null) {
                return false;
            }
            Object p = state.get("published");
            return p == Change.UNKNOWN || Boolean.TRUE.equals(p);
        }
    }
}
