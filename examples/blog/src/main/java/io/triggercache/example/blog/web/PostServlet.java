package io.triggercache.example.blog.web;

import io.triggercache.example.blog.service.BlogCommands;
import io.triggercache.example.blog.service.BlogQueries;
import io.triggercache.example.blog.service.CommentsFragment;
import io.triggercache.example.blog.service.PostView;
import io.triggercache.example.blog.service.Templates;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The posts:
 * <ul>
 *   <li>{@code GET /posts/{id}}: a post (cached) with its comments fragment (cached rendered markup);</li>
 *   <li>{@code POST /posts}: a new post, then to its page;</li>
 *   <li>{@code POST /posts/{id}/comments}: a new comment, then back to the post;</li>
 *   <li>{@code POST /posts/{id}/tags}: the post's new tags, then back to the post;</li>
 *   <li>{@code POST /posts/{id}/delete}: the post is deleted, then to the home page.</li>
 * </ul>
 * Every POST answers 303 See Other.
 */
@WebServlet(name = "posts", urlPatterns = "/posts/*")
public class PostServlet extends HttpServlet {

    @Inject
    BlogQueries queries;

    @Inject
    CommentsFragment comments;

    @Inject
    BlogCommands commands;

    @Inject
    Templates templates;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = Pages.pathParts(request);
        long id = path.length == 1 ? Pages.id(path[0]) : -1;
        PostView post = id > 0 ? queries.post(id) : null;
        if (post == null) {
            notFound(request, response);
            return;
        }
        Map<String, Object> scope = Pages.scope(request, post.title());
        scope.put("post", post);
        scope.put("commentsHtml", comments.html(post));
        Pages.html(response, HttpServletResponse.SC_OK, templates.render("post", scope));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        String[] path = Pages.pathParts(request);
        if (path.length == 0) {
            addPost(request, response);
            return;
        }
        long id = path.length == 2 ? Pages.id(path[0]) : -1;
        String action = path.length == 2 ? path[1] : "";
        if (id < 0 || !(action.equals("comments") || action.equals("tags") || action.equals("delete"))) {
            notFound(request, response);
            return;
        }
        boolean found;
        switch (action) {
            case "comments" -> {
                String author = Pages.field(request, "author", 80);
                String text = Pages.field(request, "text", 2000);
                if (author == null || text == null) {
                    badRequest(request, response, "A comment needs your name and a text.");
                    return;
                }
                found = commands.addComment(id, author, text);
            }
            case "tags" -> found = commands.setTags(id, BlogCommands.tagNames(request.getParameter("tags")));
            default -> found = commands.deletePost(id);
        }
        if (!found) {
            notFound(request, response);
        } else if (action.equals("delete")) {
            Pages.seeOther(request, response, "/");
        } else {
            Pages.seeOther(request, response, "/posts/" + id);
        }
    }

    private void addPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String author = Pages.field(request, "author", 80);
        String title = Pages.field(request, "title", 200);
        String body = Pages.field(request, "body", 20_000);
        if (author == null || title == null || body == null) {
            badRequest(request, response, "A post needs an author, a title and a text.");
            return;
        }
        long id = commands.addPost(author, title, body, BlogCommands.tagNames(request.getParameter("tags")));
        Pages.seeOther(request, response, "/posts/" + id);
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> scope = Pages.scope(request, "Not found");
        scope.put("message", "There is no such post.");
        Pages.html(response, HttpServletResponse.SC_NOT_FOUND, templates.render("message", scope));
    }

    private void badRequest(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
        Map<String, Object> scope = Pages.scope(request, "Missing fields");
        scope.put("message", message);
        Pages.html(response, HttpServletResponse.SC_BAD_REQUEST, templates.render("message", scope));
    }
}
