package io.triggercache.example.blog.web;

import io.triggercache.example.blog.service.BlogQueries;
import io.triggercache.example.blog.service.Templates;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** {@code GET /}: the five latest posts (one cached list) and the form to write a post. */
@WebServlet(name = "home", urlPatterns = "")
public class HomeServlet extends HttpServlet {

    @Inject
    BlogQueries queries;

    @Inject
    Templates templates;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> scope = Pages.scope(request, "triggercache blog");
        scope.put("posts", queries.latestPosts());
        Pages.html(response, HttpServletResponse.SC_OK, templates.render("index", scope));
    }
}
