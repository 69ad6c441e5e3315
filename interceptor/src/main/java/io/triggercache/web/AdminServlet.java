package io.triggercache.web;

import io.triggercache.CacheInspector;
import io.triggercache.CacheStatistics;
import io.triggercache.MethodStatistics;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.UUID;

/**
 * The admin endpoint (registered by {@link AdminInitializer} when enabled, behind a role):
 * <ul>
 *   <li>{@code GET <path>/} one HTML page: methods, counters, triggers, recent drops, and a form for explain;</li>
 *   <li>{@code GET <path>/methods} the same as JSON;</li>
 *   <li>{@code GET <path>/explain?name=<method>&arg=<value>&arg=...} {@link CacheInspector#explain} as JSON, for
 *       methods whose parameters are strings, numbers, booleans, enums or UUIDs (other methods: call
 *       {@code CacheInspector.explain} from code);</li>
 *   <li>{@code GET <path>/health} {@link CacheInspector#health()} as JSON, status 503 when not ready.</li>
 * </ul>
 * Read-only: it never loads, drops or changes an entry.
 */
public class AdminServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient CacheInspector inspector;
    private transient CacheStatistics statistics;

    @Override
    public void init() {
        inspector = CDI.current().select(CacheInspector.class).get();
        statistics = CDI.current().select(CacheStatistics.class).get();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        response.setHeader("Cache-Control", "no-store");
        switch (path) {
            case "/", "/index.html" -> html(request, response);
            case "/methods" -> json(response, HttpServletResponse.SC_OK, methods());
            case "/explain" -> explain(request, response);
            case "/health" -> {
                CacheInspector.Health h = inspector.health();
                json(response, h.ready() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE, health(h).build());
            }
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND, "unknown admin resource " + path
                    + " (known: /, /methods, /explain?name=&arg=, /health)");
        }
    }

    // ------------------------------------------------------------------ JSON

    private JsonObject methods() {
        JsonArrayBuilder methods = Json.createArrayBuilder();
        for (CacheInspector.MethodInfo m : inspector.methods()) {
            MethodStatistics s = statistics.of(m.name());
            JsonArrayBuilder drops = Json.createArrayBuilder();
            for (CacheInspector.Drop d : inspector.lastDrops(m.name())) {
                drops.add(drop(d));
            }
            methods.add(Json.createObjectBuilder()
                    .add("name", m.name())
                    .add("cache", m.cache())
                    .add("suffix", Json.createArrayBuilder(m.suffix()))
                    .add("key", Json.createArrayBuilder(m.key()))
                    .add("parameters", Json.createArrayBuilder(m.parameters()))
                    .add("triggers", Json.createArrayBuilder(m.triggers()))
                    .add("ttl", m.ttl().map(Object::toString).orElse(""))
                    .add("near", m.near())
                    .add("store", m.store())
                    .add("hits", s.hits()).add("misses", s.misses()).add("loads", s.loads())
                    .add("loadFailures", s.loadFailures()).add("loadTimeNanos", s.loadTimeNanos())
                    .add("invalidations", s.invalidations()).add("bypasses", s.bypasses()).add("errors", s.errors())
                    .add("hitRatio", s.hitRatio())
                    .add("lastDrops", drops));
        }
        return Json.createObjectBuilder().add("methods", methods).add("health", health(inspector.health())).build();
    }

    private static JsonObjectBuilder drop(CacheInspector.Drop d) {
        return Json.createObjectBuilder()
                .add("group", d.group().map(g -> g.toString()).orElse("(the whole method)"))
                .add("source", d.source().name())
                .add("cause", d.cause())
                .add("trigger", d.trigger().orElse(""))
                .add("committed", d.committed().toString())
                .add("node", d.node());
    }

    private static JsonObjectBuilder health(CacheInspector.Health h) {
        return Json.createObjectBuilder().add("ready", h.ready()).add("storeReachable", h.storeReachable())
                .add("owed", Json.createArrayBuilder(h.owed())).add("peersTrusted", h.peersTrusted()).add("detail", h.detail());
    }

    private void explain(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        String[] raw = request.getParameterValues("arg");
        try {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("give the method's name: explain?name=<method>&arg=<value>...");
            }
            CacheInspector.MethodInfo info = inspector.method(name);
            Object[] args = convert(info, raw == null ? new String[0] : raw);
            CacheInspector.Explanation e = inspector.explain(name, args);
            JsonObjectBuilder out = Json.createObjectBuilder()
                    .add("method", e.method())
                    .add("group", e.group().toString())
                    .add("cached", e.cached())
                    .add("loadedAt", e.loadedAt().map(Object::toString).orElse(""))
                    .add("bypass", e.bypass().orElse(""))
                    .add("text", e.text());
            e.lastDrop().ifPresent(d -> out.add("lastDrop", drop(d)));
            json(response, HttpServletResponse.SC_OK, out.build());
        } catch (IllegalArgumentException bad) {
            json(response, HttpServletResponse.SC_BAD_REQUEST, Json.createObjectBuilder().add("error", bad.getMessage()).build());
        }
    }

    /** The arguments of an explain request, converted to the method's parameter types. */
    static Object[] convert(CacheInspector.MethodInfo info, String[] raw) {
        List<String> types = info.parameters();
        if (types.size() != raw.length) {
            throw new IllegalArgumentException(info.name() + " takes " + types.size() + " argument(s) " + types + " but "
                    + raw.length + " were given");
        }
        Object[] args = new Object[raw.length];
        for (int i = 0; i < raw.length; i++) {
            args[i] = convert(info.name(), i, types.get(i), raw[i]);
        }
        return args;
    }

    private static Object convert(String method, int i, String type, String value) {
        try {
            switch (type) {
                case "java.lang.String": return value;
                case "long", "java.lang.Long": return Long.valueOf(value.trim());
                case "int", "java.lang.Integer": return Integer.valueOf(value.trim());
                case "short", "java.lang.Short": return Short.valueOf(value.trim());
                case "byte", "java.lang.Byte": return Byte.valueOf(value.trim());
                case "double", "java.lang.Double": return Double.valueOf(value.trim());
                case "float", "java.lang.Float": return Float.valueOf(value.trim());
                case "boolean", "java.lang.Boolean": return Boolean.valueOf(value.trim());
                case "char", "java.lang.Character":
                    if (value.length() != 1) {
                        throw new IllegalArgumentException("one character expected");
                    }
                    return value.charAt(0);
                case "java.util.UUID": return UUID.fromString(value.trim());
                default:
                    Class<?> c = Class.forName(type, false, Thread.currentThread().getContextClassLoader());
                    if (c.isEnum()) {
                        for (Object constant : c.getEnumConstants()) {
                            if (((Enum<?>) constant).name().equals(value.trim())) {
                                return constant;
                            }
                        }
                        throw new IllegalArgumentException("not a constant of " + c.getSimpleName());
                    }
                    throw new IllegalArgumentException("parameter #" + i + " of " + method + " is a " + type
                            + ", which the endpoint cannot build from text; call CacheInspector.explain from code");
            }
        } catch (ClassNotFoundException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null && iae.getMessage().startsWith("parameter #")) {
                throw iae;
            }
            throw new IllegalArgumentException("argument #" + i + " of " + method + " (\"" + value + "\") is not a " + type
                    + ": " + e.getMessage());
        }
    }

    private static void json(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        try (var writer = Json.createWriter(response.getWriter())) {
            writer.writeObject(body);
        }
    }

    // ------------------------------------------------------------------ HTML

    private void html(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        String base = request.getContextPath() + request.getServletPath();
        PrintWriter out = response.getWriter();
        CacheInspector.Health health = inspector.health();
        out.println("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>triggercache</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;width:100%}"
                + "th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}"
                + "td.n{text-align:right}.muted{color:#666;font-size:.85rem}</style></head><body>");
        out.println("<h1>triggercache</h1>");
        out.println("<p id=\"health\">" + (health.ready() ? "ready" : "NOT READY") + ": " + esc(health.detail())
                + " &middot; <a href=\"" + esc(base) + "/methods\">JSON</a></p>");
        out.println("<table id=\"methods\"><thead><tr><th>method</th><th>hits</th><th>misses</th><th>loads</th>"
                + "<th>invalidations</th><th>bypasses</th><th>errors</th><th>triggers</th><th>last drops</th></tr></thead><tbody>");
        for (CacheInspector.MethodInfo m : inspector.methods()) {
            MethodStatistics s = statistics.of(m.name());
            StringBuilder drops = new StringBuilder();
            for (CacheInspector.Drop d : inspector.lastDrops(m.name())) {
                drops.append("<li>").append(esc(d.committed().toString())).append(' ').append(esc(d.toString())).append("</li>");
            }
            out.println("<tr id=\"m-" + esc(m.name()) + "\"><td>" + esc(m.name()) + "<div class=\"muted\">suffix "
                    + esc(m.suffix().toString()) + ", key " + esc(m.key().toString()) + m.ttl().map(t -> ", ttl " + t).orElse("")
                    + "</div></td><td class=\"n\">" + s.hits() + "</td><td class=\"n\">" + s.misses() + "</td><td class=\"n\">"
                    + s.loads() + "</td><td class=\"n\">" + s.invalidations() + "</td><td class=\"n\">" + s.bypasses()
                    + "</td><td class=\"n\">" + s.errors() + "</td><td class=\"muted\">" + esc(String.join("\n", m.triggers())).replace("\n", "<br>")
                    + "</td><td class=\"muted\"><ul class=\"drops\">" + drops + "</ul></td></tr>");
        }
        out.println("</tbody></table>");
        out.println("<h2>Explain a call</h2><form method=\"get\" action=\"" + esc(base) + "/explain\">"
                + "<label>method <input name=\"name\" size=\"60\"></label> <label>argument <input name=\"arg\"></label>"
                + " <button>explain</button></form><p class=\"muted\">One <code>arg</code> per parameter; for methods taking "
                + "other types than strings, numbers, booleans, enums or UUIDs, call <code>CacheInspector.explain</code> from code.</p>");
        out.println("</body></html>");
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
