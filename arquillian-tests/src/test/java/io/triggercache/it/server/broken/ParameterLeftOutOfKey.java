package io.triggercache.it.server.broken;

import io.triggercache.Cached;
import io.triggercache.it.blog.Post;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ParameterLeftOutOfKey {
    @Cached(suffix = "post.id")
    public String m(Post post, int page) {
        return "";
    }
}
