package io.triggercache.cdi;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.testing.Comment;
import io.triggercache.testing.Post;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class BrokenService {

    @Cached(suffix = "post.id", triggers = @Trigger(entity = Comment.class, suffix = "post.idd"))
    public String comments(Post post) {
        return "";
    }

    @Cached(ttl = "whenever")
    public String report(String day) {
        return day;
    }
}
