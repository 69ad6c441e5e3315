package io.triggercache.benchmarks.b4;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.benchmarks.model.Comment;
import io.triggercache.benchmarks.model.Post;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The blog's reads under triggercache, declared as a user would. */
@ApplicationScoped
public class CachedBlog {

    @Inject
    BlogRepository repository;

    @Cached(suffix = "postId", triggers = @Trigger(entity = Comment.class, suffix = "post.id"))
    public List<CommentView> comments(long postId) {
        return repository.comments(postId);
    }

    @Cached(suffix = "postId", triggers = @Trigger(entity = Post.class, suffix = "id"))
    public PostView post(long postId) {
        return repository.post(postId);
    }

    @Cached(triggers = @Trigger(entity = Post.class))
    public List<PostView> latest() {
        return repository.latest();
    }
}
