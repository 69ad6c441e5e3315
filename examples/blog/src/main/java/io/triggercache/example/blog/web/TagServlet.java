package io.triggercache.example.blog.web;

import io.triggercache.example.blog.service.BlogCommands;
import io.triggercache.example.blog.service.BlogQueries;
import io.triggercache.example.blog.service.Templates;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** {@code GET /tags/{name}}: the posts filed under a tag (cached per tag). */
@WebServlet(name = "tags", urlPatterns = "/tags/*")
public class TagServlet extends HttpServlet {

    @Inject
    BlogQueries queries;

    @Inject
    Templates templates;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = Pages.pathParts(request);
        List<String> names = path.length == 1 ? BlogCommands.tagNames(path[0]) : List.of();
        if (names.size() != 1) {
            Map<String, Object> scope = Pages.scope(request, "Not found");
            scope.put("message", "Which tag? Follow a tag's link on a post.");
            Pages.html(response, HttpServletResponse.SC_NOT_FOUND, templates.render("message", scope));
            return;
        }
        String tag = names.get(0);
        Map<String, Object> scope = Pages.scope(request, "Posts tagged " + tag);
        scope.put("tag", tag);
        scope.put("posts", queries.postsByTag(tag));
        Pages.html(response, HttpServletResponse.SC_OK, templates.render("tag", scope));
    }
}
