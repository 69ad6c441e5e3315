package io.triggercache.it.server.shared;

import io.triggercache.CacheStatistics;
import io.triggercache.MethodStatistics;
import io.triggercache.jcache.JCacheStore;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What the test calls on each node, over HTTP on 127.0.0.1, answering plain text ({@code key=value} lines):
 * <ul>
 *   <li>{@code GET /api/title?id=1} and {@code /api/titleNear?id=1}: the cached calls;</li>
 *   <li>{@code POST /api/set?id=1&title=x}: a committed update on this node;</li>
 *   <li>{@code GET /api/stats?name=title}: triggercache's counters of the method on this node, and how often its body ran;</li>
 *   <li>{@code GET /api/store}: the store the application's producer built (its JCache provider, token placement, near modes).</li>
 * </ul>
 */
@WebServlet("/api/*")
public class SharedApi extends HttpServlet {

    @Inject
    ArticleService articles;
    @Inject
    ArticleWriter writer;
    @Inject
    CacheStatistics statistics;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String op = req.getPathInfo() == null ? "" : req.getPathInfo();
        String answer = switch (op) {
            case "/title" -> articles.title(id(req));
            case "/titleNear" -> articles.titleNear(id(req));
            case "/stats" -> stats(req.getParameter("name"));
            case "/store" -> store();
            case "/diag" -> diag();
            default -> null;
        };
        reply(resp, answer);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if ("/set".equals(req.getPathInfo())) {
            writer.setTitle(id(req), req.getParameter("title"));
            reply(resp, "ok");
        } else {
            reply(resp, null);
        }
    }

    private String stats(String name) {
        MethodStatistics s = statistics.of(name);
        return "hits=" + s.hits() + "\nmisses=" + s.misses() + "\nloads=" + s.loads() + "\ninvalidations=" + s.invalidations()
                + "\nbypasses=" + s.bypasses() + "\nerrors=" + s.errors() + "\nbody=" + ArticleService.bodyCalls(name) + "\n";
    }

    private String store() {
        JCacheStore j = ProducedStore.get();
        if (j == null) {
            return "store=not produced by the application\n";
        }
        return "store=" + JCacheStore.class.getName() + "\nprovider=" + j.cacheManager().getCachingProvider().getClass().getName()
                + "\nplacement=" + j.tokenPlacement() + "\nnear." + ArticleService.TITLE + "=" + j.nearMode(ArticleService.TITLE)
                + "\nnear." + ArticleService.TITLE_NEAR + "=" + j.nearMode(ArticleService.TITLE_NEAR) + "\nmembers=" + ProducedStore.members() + "\n";
    }

    @Inject
    jakarta.enterprise.inject.spi.BeanManager beans;

    private String diag() {
        StringBuilder out = new StringBuilder();
        out.append("beans=").append(beans.getBeans(io.triggercache.spi.CacheStore.class)).append('\n');
        try {
            Object engine = beans.getExtension(io.triggercache.cdi.TriggerCacheExtension.class).engine();
            java.lang.reflect.Field f = engine.getClass().getDeclaredField("store");
            f.setAccessible(true);
            Object st = f.get(engine);
            out.append("engineStore=").append(st.getClass().getName()).append(' ').append(st).append('\n');
        } catch (ReflectiveOperationException | RuntimeException e) {
            out.append("engineStore=").append(e).append('\n');
        }
        return out.toString();
    }

    static long id(HttpServletRequest req) {
        return Long.parseLong(req.getParameter("id"));
    }

    static void reply(HttpServletResponse resp, String answer) throws IOException {
        if (answer == null) {
            resp.sendError(404);
            return;
        }
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().write(answer);
    }
}
