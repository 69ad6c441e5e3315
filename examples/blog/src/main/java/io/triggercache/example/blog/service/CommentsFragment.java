package io.triggercache.example.blog.service;

import static io.triggercache.EntityEvent.DELETE;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.example.blog.model.Comment;
import io.triggercache.example.blog.model.Post;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * The rendered HTML of a post's comments: the markup itself is cached, like a cached inclusion tag, so a
 * page view of a post whose comments did not change neither queries nor renders them.
 */
@ApplicationScoped
public class CommentsFragment {

    /** The name of {@link #html(PostView)} in the statistics. */
    public static final String NAME = "commentsFragment";

    @Inject
    BlogQueries queries;

    @Inject
    Templates templates;

    /**
     * The comments of a post as an HTML fragment. Same groups and triggers as
     * {@link BlogQueries#comments(PostView)}, which it renders: when it misses, it asks that cached method.
     */
    @Cached(name = NAME, suffix = "post.id", triggers = {
            @Trigger(entity = Comment.class, suffix = "post.id"),
            @Trigger(entity = Post.class, on = DELETE, suffix = "id")})
    public String html(PostView post) {
        List<CommentView> comments = queries.comments(post);
        return templates.render("comments", Map.of("comments", comments, "hasComments", !comments.isEmpty()));
    }
}
