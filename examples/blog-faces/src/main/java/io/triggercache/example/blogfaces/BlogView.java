package io.triggercache.example.blogfaces;

import io.triggercache.CacheStatistics;
import io.triggercache.MethodStatistics;
import io.triggercache.example.blog.service.BlogCommands;
import io.triggercache.example.blog.service.BlogQueries;
import io.triggercache.example.blog.service.CommentView;
import io.triggercache.example.blog.service.PostSummary;
import io.triggercache.example.blog.service.PostView;
import io.triggercache.example.blog.service.SqlStatements;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/**
 * What the pages render: the blog's cached queries (so the fragments around them depend on their groups), the
 * comment form, and the counters of the stats page.
 */
@Named("blog")
@RequestScoped
public class BlogView {

    /** The stats page's "cached per, dropped with" column: what each fragment, and each method they call, drops with. */
    private static final Map<String, String> DROPPED_WITH = Map.of(
            "fragment:post-list", "one entry; dropped with latestPosts (a post inserted or deleted)",
            "fragment:post-comments", "one entry per post; dropped with that post's comments group (a comment added, changed"
                    + " or deleted) or its post group (the post updated or deleted)",
            BlogQueries.LATEST_POSTS, "one group; dropped by a post inserted or deleted",
            BlogQueries.POST, "grouped by post id; dropped by an update or deletion of that post",
            BlogQueries.COMMENTS, "grouped by post id; dropped by a comment change on that post, or its deletion");

    @Inject
    BlogQueries queries;

    @Inject
    BlogCommands commands;

    @Inject
    CacheStatistics statistics;

    @Inject
    SqlStatements sql;

    @Inject
    RolledBackComment rolledBack;

    private String author = "";
    private String text = "";

    public List<PostSummary> latest() {
        return queries.latestPosts();
    }

    /** The post of the request parameter {@code id} (a plain field of the form carries it on postbacks). */
    public PostView post() {
        return queries.post(id());
    }

    public List<CommentView> comments(PostView post) {
        return queries.comments(post);
    }

    /** Adds the comment; after the commit the post's comment group drops, and with it the post's fragment. */
    public String send() {
        long id = id();
        commands.addComment(id, author, text);
        return "/post.xhtml?id=" + id + "&faces-redirect=true";
    }

    /** Adds the comment in a transaction that rolls back: the page shows why, the post's fragment stays cached. */
    public String sendAndRollBack() {
        try {
            rolledBack.add(id(), author, text);
        } catch (IllegalStateException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(e.getMessage()));
        }
        return null;
    }

    /** The counters of every cached method and fragment. */
    public List<MethodStatistics> counters() {
        return List.copyOf(statistics.all());
    }

    /**
     * What a fragment or cached method is cached per, and what drops its entries: the stats page's "dropped with"
     * column. A fragment has no triggers of its own here, so its drops show in the row of the method it names.
     */
    public String droppedWith(String name) {
        return DROPPED_WITH.getOrDefault(name, "");
    }

    public long sqlStatements() {
        return sql.executed();
    }

    public long id() {
        String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        return id == null || id.isBlank() ? 0 : Long.parseLong(id.trim());
    }

    public String getAuthor() {
        return author;
    }

    public void setAuthor(String author) {
        this.author = author;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
