package io.triggercache.faces;

import io.triggercache.example.blog.service.BlogCommands;
import io.triggercache.example.blog.service.BlogQueries;
import io.triggercache.example.blog.service.CommentView;
import io.triggercache.example.blog.service.PostSummary;
import io.triggercache.example.blog.service.PostView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.util.List;

/** What the test pages render (the blog's cached queries) and the form that comments a post, committed or rolled back. */
@Named("page")
@RequestScoped
public class BlogPage {

    @Inject
    BlogQueries queries;

    @Inject
    BlogCommands commands;

    @Inject
    BlogPage self;

    private String author = "";
    private String text = "";

    public List<PostSummary> latest() {
        return queries.latestPosts();
    }

    public PostView post(long id) {
        return queries.post(id);
    }

    public List<CommentView> comments(PostView post) {
        return queries.comments(post);
    }

    /** Adds the comment to the post of the request parameter {@code id}; its transaction commits. */
    public String send() {
        long postId = postId();
        commands.addComment(postId, author, text);
        return "/post.xhtml?id=" + postId + "&faces-redirect=true";
    }

    /** Adds the comment in a transaction that then fails: it rolls back, the page shows the failure. */
    public String sendAndFail() {
        try {
            self.commentThenFail(postId(), author, text);
        } catch (IllegalStateException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(e.getMessage()));
        }
        return null;
    }

    /** The post of the request parameter {@code id}. */
    public long id() {
        return postId();
    }

    private static long postId() {
        return Long.parseLong(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id"));
    }

    @Transactional
    public void commentThenFail(long post, String who, String what) {
        commands.addComment(post, who, what);
        throw new IllegalStateException("comment rolled back");
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
