package io.triggercache.example.blog.service;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.StringWriter;

/**
 * Renders the Mustache templates under {@code templates/} on the class path. Values are HTML-escaped
 * unless a template uses triple braces. Compiled templates are kept by the factory; thread-safe.
 */
@ApplicationScoped
public class Templates {

    private final MustacheFactory mustache = new DefaultMustacheFactory("templates");

    /**
     * Renders a template.
     *
     * @param name  the template's file name without {@code .mustache}
     * @param scope the values it reads: a map, a record, or any object with getters
     * @return the markup
     */
    public String render(String name, Object scope) {
        StringWriter out = new StringWriter(1024);
        mustache.compile(name + ".mustache").execute(out, scope);
        return out.toString();
    }
}
