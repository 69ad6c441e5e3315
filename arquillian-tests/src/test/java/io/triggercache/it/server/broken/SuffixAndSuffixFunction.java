package io.triggercache.it.server.broken;

import io.triggercache.Cached;
import io.triggercache.Change;
import io.triggercache.SuffixFunction;
import io.triggercache.Trigger;
import io.triggercache.it.server.Comment;
import io.triggercache.it.blog.Post;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SuffixAndSuffixFunction {

    public static class ToPost implements SuffixFunction {
        @Override
        public Object suffix(Change change, Change.State state) {
            return ((Post) state.get("post")).getId();
        }
    }

    @Cached(suffix = "post.id", triggers = @Trigger(entity = Comment.class, suffix = "post.id", suffixFunction = ToPost.class))
    public String m(Post post) {
        return "";
    }
}
