package io.triggercache.example.blog.service;

import io.triggercache.Cached;
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
     * The comments of a post as an HTML fragment, grouped like {@link BlogQueries#comments(PostView)}, which it
     * renders. It declares no trigger of its own: when it misses, it asks that cached method, and the entry records
     * the group it was computed from, so whatever drops that post's comments drops this fragment too.
     */
    @Cached(name = NAME, suffix = "post.id")
    public String html(PostView post) {
        List<CommentView> comments = queries.comments(post);
        return templates.render("comments", Map.of("comments", comments, "hasComments", !comments.isEmpty()));
    }
}
