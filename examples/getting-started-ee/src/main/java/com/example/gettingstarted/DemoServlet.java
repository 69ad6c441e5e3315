package com.example.gettingstarted;

import io.triggercache.CacheStatistics;
import io.triggercache.MethodStatistics;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/** {@code GET /demo}: runs the README's 30-second example and prints what happened, as text. */
@WebServlet("/demo")
public class DemoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    CommentService service;
    @Inject
    Writes writes;
    @Inject
    CacheStatistics statistics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        PrintWriter out = response.getWriter();
        writes.newPost(42, "forty-two");
        writes.newPost(7, "seven");
        writes.newComment(7, "a comment on the other post");

        out.println("commentCount(42) = " + service.commentCount(42) + "   db hit: runs the query, stores the result in group 42");
        out.println("commentCount(42) = " + service.commentCount(42) + "   cache hit");
        out.println("commentCount(7)  = " + service.commentCount(7) + "   db hit");
        writes.newComment(42, "hello");
        out.println("a transaction persisted a Comment whose post is 42, and committed");
        out.println("commentCount(42) = " + service.commentCount(42) + "   db hit: group 42 was dropped after the commit");
        out.println("commentCount(7)  = " + service.commentCount(7) + "   still a cache hit");

        MethodStatistics s = statistics.of(CommentService.class.getName() + ".commentCount");
        out.println("hits " + s.hits() + ", misses " + s.misses() + ", loads " + s.loads() + ", invalidations " + s.invalidations());
    }
}
