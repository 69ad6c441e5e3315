package io.triggercache.it.server.broken;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.it.server.Comment;
import io.triggercache.it.blog.Post;
import jakarta.enterprise.context.ApplicationScoped;

/** Four mistakes in two methods: all of them must reach the user in one failed deployment. */
@ApplicationScoped
public class ManyProblems {
    @Cached(ttl = "soon")
    public void a() {
    }

    @Cached(suffix = "post.idd", triggers = @Trigger(entity = Comment.class, suffix = {"post.id", "id"}))
    public String b(Post post, int page) {
        return "";
    }
}
