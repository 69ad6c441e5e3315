package io.triggercache.example.blog.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** What the servlets share: writing pages, redirecting after a form, reading form fields and path parts. */
final class Pages {

    private Pages() {
    }

    /** The values every page template reads: the context path for links, and the page title. */
    static Map<String, Object> scope(HttpServletRequest request, String title) {
        Map<String, Object> scope = new HashMap<>();
        scope.put("base", request.getContextPath());
        scope.put("pageTitle", title);
        return scope;
    }

    static void html(HttpServletResponse response, int status, String markup) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        byte[] bytes = markup.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** Answers a form POST with 303 See Other, so that reloading the next page does not post again. */
    static void seeOther(HttpServletRequest request, HttpServletResponse response, String path) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + path);
    }

    /**
     * A form field, trimmed; {@code null} when it is missing or blank.
     *
     * @param max the most characters kept
     */
    static String field(HttpServletRequest request, String name, int max) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.strip();
        return value.length() > max ? value.substring(0, max) : value;
    }

    /** The parts of the path after the servlet's mapping: {@code /42/comments} gives {@code ["42", "comments"]}. */
    static String[] pathParts(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || info.equals("/")) {
            return new String[0];
        }
        return info.substring(1).split("/", -1);
    }

    /** A positive id, or {@code -1} when {@code text} is not one. */
    static long id(String text) {
        try {
            long id = Long.parseLong(text);
            return id > 0 ? id : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
