package io.triggercache.it.server;

import io.triggercache.CacheStatistics;
import io.triggercache.MethodStatistics;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The steps of the health and metrics stories, one per request, each in the server:
 * {@code /steps?op=newPost&title=..}, {@code op=title&id=..} (the cached read), {@code op=setTitle&id=..&title=..},
 * {@code op=addComment&id=..&text=..} (each write one committed JTA transaction), {@code op=store&failReads=..&failDrops=..}
 * (the switches of {@link HealthSwitchedStore}) and {@code op=stats&name=..} (the method's {@code CacheStatistics}).
 * Answers plain text.
 */
@WebServlet("/steps")
public class HealthMetricsServlet extends HttpServlet {

    @Inject
    BlogQueries queries;
    @Inject
    BlogWriter writer;
    @Inject
    CacheStatistics statistics;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String op = req.getParameter("op");
        String answer = switch (op == null ? "" : op) {
            case "newPost" -> Long.toString(writer.newPost(req.getParameter("title"), true));
            case "title" -> queries.title(id(req));
            case "setTitle" -> {
                writer.setTitle(id(req), req.getParameter("title"));
                yield "committed";
            }
            case "addComment" -> Long.toString(writer.addComment(id(req), req.getParameter("text")));
            case "store" -> {
                HealthSwitchedStore.failReads = Boolean.parseBoolean(req.getParameter("failReads"));
                HealthSwitchedStore.failDrops = Boolean.parseBoolean(req.getParameter("failDrops"));
                yield "failReads=" + HealthSwitchedStore.failReads + " failDrops=" + HealthSwitchedStore.failDrops;
            }
            case "stats" -> {
                MethodStatistics s = statistics.of(req.getParameter("name"));
                yield "hits=" + s.hits() + " misses=" + s.misses() + " loads=" + s.loads() + " invalidations=" + s.invalidations()
                        + " bypasses=" + s.bypasses() + " errors=" + s.errors();
            }
            default -> null;
        };
        if (answer == null) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "unknown op " + op);
            return;
        }
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().print(answer);
    }

    private static long id(HttpServletRequest req) {
        return Long.parseLong(req.getParameter("id"));
    }
}
