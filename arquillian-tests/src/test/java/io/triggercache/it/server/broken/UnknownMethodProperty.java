package io.triggercache.it.server.broken;

import io.triggercache.Cached;
import io.triggercache.it.blog.Post;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class UnknownMethodProperty {
    @Cached(suffix = "post.idd")
    public String m(Post post) {
        return "";
    }
}
