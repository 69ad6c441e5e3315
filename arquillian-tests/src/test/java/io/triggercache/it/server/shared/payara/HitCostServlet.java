package io.triggercache.it.server.shared.payara;

import io.triggercache.CacheStatistics;
import io.triggercache.MethodStatistics;
import io.triggercache.it.server.shared.ArticleService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * {@code GET /hitcost?id=3}: one {@code @CacheResult} call and how often its body ran on this node.
 * {@code GET /hitcost?id=2&n=20000&warmup=5000}: the cost of one hit through Payara's {@code @CacheResult} and through
 * triggercache's {@code @Cached} ({@code STRICT} and {@code NEAR}), in this server, in one loop each over the same key
 * after a warm-up. Answers {@code key=value} lines: ns per call, the value returned, how many returned something else,
 * and the counters that say every timed call was a hit (the bodies did not run; triggercache counted n hits).
 */
@WebServlet("/hitcost")
public class HitCostServlet extends HttpServlet {

    @Inject
    Jsr107Titles jsr107;
    @Inject
    ArticleService articles;
    @Inject
    CacheStatistics statistics;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long id = Long.parseLong(req.getParameter("id"));
        if (req.getParameter("n") == null) {
            // one @CacheResult call, and how often its body has run on this node
            String value = jsr107.title(id);
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().write("value=" + value + "\nbody=" + Jsr107Titles.BODY.get() + "\n");
            return;
        }
        int n = Integer.parseInt(req.getParameter("n"));
        int warmup = Integer.parseInt(req.getParameter("warmup"));
        StringBuilder out = new StringBuilder();

        long bodyBefore = Jsr107Titles.BODY.get();
        Timed jsr = measure(out, "jsr107", jsr107::title, id, n, warmup, Jsr107Titles.BODY::get);
        out.append("jsr107.bodyCallsTimed=").append(Jsr107Titles.BODY.get() - jsr.before()).append('\n');
        out.append("jsr107.bodyCallsTotal=").append(Jsr107Titles.BODY.get() - bodyBefore).append('\n');

        for (String name : new String[] {ArticleService.TITLE, ArticleService.TITLE_NEAR}) {
            LongFunction<String> call = ArticleService.TITLE.equals(name) ? articles::title : articles::titleNear;
            MethodStatistics first = statistics.of(name);
            long hitsBefore = measure(out, name, call, id, n, warmup, () -> statistics.of(name).hits()).before();
            MethodStatistics after = statistics.of(name);
            out.append(name).append(".hitsTimed=").append(after.hits() - hitsBefore).append('\n');
            out.append(name).append(".loadsTotal=").append(after.loads() - first.loads()).append('\n');
            out.append(name).append(".errorsTotal=").append(after.errors() - first.errors()).append('\n');
        }
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().write(out.toString());
    }

    /** A counter read just before the timed loop. */
    private record Timed(long before) {
    }

    /** One call (a load if cold), the warm-up, then the timed loop; {@code counter} is read just before the timed loop. */
    private static Timed measure(StringBuilder out, String name, LongFunction<String> call, long id, int n, int warmup, LongSupplier counter) {
        String expected = call.apply(id);
        long mismatches = 0;
        for (int i = 0; i < warmup; i++) {
            if (!expected.equals(call.apply(id))) {
                mismatches++;
            }
        }
        long before = counter.getAsLong();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (!expected.equals(call.apply(id))) {
                mismatches++;
            }
        }
        long elapsed = System.nanoTime() - t0;
        out.append(name).append(".value=").append(expected).append('\n');
        out.append(name).append(".mismatches=").append(mismatches).append('\n');
        out.append(name).append(".nsPerOp=").append(elapsed / n).append('\n');
        return new Timed(before);
    }
}
