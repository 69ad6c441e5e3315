package io.triggercache.it.server;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Reads the triggercache meters of one method ({@code /meters?name=..}) from the {@code MeterRegistry} bean the
 * deployment sees (on WildFly: the Micrometer subsystem's registry), one line per value, sorted:
 * {@code triggercache.gets{result=hit} 1.0}, {@code triggercache.load.duration count 1.0}, and first
 * {@code registry <class>}. Only in WARs whose server provides Micrometer.
 */
@WebServlet("/meters")
public class MetricsMeterServlet extends HttpServlet {

    @Inject
    MeterRegistry registry;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        TreeMap<String, Double> values = new TreeMap<>();
        for (Meter m : registry.getMeters()) {
            if (!m.getId().getName().startsWith("triggercache.") || !req.getParameter("name").equals(m.getId().getTag("name"))) {
                continue;
            }
            String result = m.getId().getTag("result");
            String id = m.getId().getName() + (result == null ? "" : "{result=" + result + "}");
            if (m instanceof FunctionCounter c) {
                values.put(id, c.count());
            } else if (m instanceof FunctionTimer t) {
                values.put(id + " count", t.count());
                values.put(id + " totalTimeNanos", t.totalTime(TimeUnit.NANOSECONDS));
            } else {
                values.put(id + " " + m.getClass().getSimpleName(), Double.NaN);
            }
        }
        resp.setContentType("text/plain;charset=UTF-8");
        PrintWriter out = resp.getWriter();
        out.println("registry " + registry.getClass().getName());
        values.forEach((k, v) -> out.println(k + " " + v));
    }
}
