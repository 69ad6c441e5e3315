package io.triggercache.example.blog.web;

import io.triggercache.CacheStatistics;
import io.triggercache.MethodStatistics;
import io.triggercache.example.blog.service.BlogQueries;
import io.triggercache.example.blog.service.CommentsFragment;
import io.triggercache.example.blog.service.SqlStatements;
import io.triggercache.example.blog.service.Templates;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /stats}: per cached method, the hits, misses, loads and invalidations since start, and the
 * number of SQL statements run. HTML for a browser; JSON for {@code ?format=json} or a request that
 * accepts {@code application/json} but not HTML.
 */
@WebServlet(name = "stats", urlPatterns = "/stats")
public class StatsServlet extends HttpServlet {

    private static final Map<String, String> DROPPED_BY = Map.of(
            BlogQueries.LATEST_POSTS, "one group; dropped by a post inserted or deleted",
            BlogQueries.POST, "grouped by post id; dropped by an update (tags included) or deletion of that post",
            BlogQueries.COMMENTS, "grouped by post id; dropped by a comment change on that post, or its deletion",
            CommentsFragment.NAME, "rendered markup, grouped by post id; no triggers of its own: dropped with the comments group it rendered",
            BlogQueries.POSTS_BY_TAG, "grouped by tag; a post inserted, deleted or retagged drops the groups of the tags it had and has, a tag renamed or deleted drops its group (both names for a rename)");

    @Inject
    CacheStatistics statistics;

    @Inject
    SqlStatements sql;

    @Inject
    Templates templates;

    /** One line of the statistics table. */
    public record Row(String name, long hits, long misses, long loads, long invalidations, long bypasses, String hitRatio,
                      String droppedBy) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<MethodStatistics> methods = List.copyOf(statistics.all());
        long statements = sql.executed();
        if (wantsJson(request)) {
            JsonObjectBuilder byName = Json.createObjectBuilder();
            for (MethodStatistics m : methods) {
                byName.add(m.name(), Json.createObjectBuilder()
                        .add("hits", m.hits())
                        .add("misses", m.misses())
                        .add("loads", m.loads())
                        .add("loadFailures", m.loadFailures())
                        .add("invalidations", m.invalidations())
                        .add("bypasses", m.bypasses())
                        .add("errors", m.errors())
                        .add("hitRatio", m.hitRatio())
                        .add("loadTimeMillis", m.loadTimeNanos() / 1_000_000.0));
            }
            String json = Json.createObjectBuilder()
                    .add("sqlStatements", statements)
                    .add("methods", byName)
                    .build()
                    .toString();
            response.setContentType("application/json");
            response.setHeader("Cache-Control", "no-store");
            response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, Object> scope = Pages.scope(request, "Cache statistics");
        scope.put("rows", methods.stream().map(StatsServlet::row).toList());
        scope.put("sqlStatements", statements >= 0 ? Long.toString(statements) : "not available (not Hibernate ORM)");
        Pages.html(response, HttpServletResponse.SC_OK, templates.render("stats", scope));
    }

    private static Row row(MethodStatistics m) {
        return new Row(m.name(), m.hits(), m.misses(), m.loads(), m.invalidations(), m.bypasses(),
                String.format(Locale.ROOT, "%.0f%%", 100 * m.hitRatio()), DROPPED_BY.getOrDefault(m.name(), ""));
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String format = request.getParameter("format");
        if (format != null) {
            return format.equalsIgnoreCase("json");
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }
}
