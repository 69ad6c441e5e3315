package io.triggercache.it.server.broken;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.it.server.Comment;
import io.triggercache.it.blog.Post;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class UnknownTriggerProperty {
    @Cached(suffix = "post.id", triggers = @Trigger(entity = Comment.class, suffix = "post.idd"))
    public String m(Post post) {
        return "";
    }
}
