package io.triggercache.benchmarks.b2;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.benchmarks.model.Comment;
import io.triggercache.benchmarks.model.Post;
import io.triggercache.benchmarks.support.Item;

/** The declarations of B2: keys of 1, 3 and 6 parts, and a suffix read through a property path. */
public class KeyService {

    @Cached
    public Item k1(long a) {
        return new Item(a, "k1");
    }

    @Cached
    public Item k3(long a, String b, int c) {
        return new Item(a, b + c);
    }

    @Cached
    public Item k6(long a, String b, int c, long d, String e, int f) {
        return new Item(a, b + c + d + e + f);
    }

    /** The key is the post's id, read through the compiled getter chain of {@code post.id}. */
    @Cached(suffix = "post.id", triggers = @Trigger(entity = Comment.class, suffix = "post.id"))
    public Item byPost(Post post) {
        return new Item(post.getId(), "comments");
    }

    /** The same entries keyed by an id the caller extracted by hand. */
    @Cached(suffix = "postId", triggers = @Trigger(entity = Comment.class, suffix = "post.id"))
    public Item byPostId(long postId) {
        return new Item(postId, "comments");
    }
}
