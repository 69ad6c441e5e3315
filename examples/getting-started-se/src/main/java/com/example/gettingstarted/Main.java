package com.example.gettingstarted;

import io.triggercache.CacheStatistics;
import io.triggercache.MethodStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.PrintStream;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/** Starts CDI, runs the README's 30-second example and prints what happened: {@code java -jar} or {@code mvn exec}. */
@ApplicationScoped
public class Main {

    @Inject
    CommentService service;
    @Inject
    Writes writes;
    @Inject
    CacheStatistics statistics;
    @Inject
    Requests requests;

    public static void main(String[] args) {
        try (WeldContainer container = new Weld().initialize()) {
            container.select(Main.class).get().run(System.out);
        }
    }

    /** Each step in its own request, as each web request of an application would be. */
    public MethodStatistics run(PrintStream out) {
        long p42 = step(() -> writes.newPost(42, "forty-two"));
        long p7 = step(() -> writes.newPost(7, "seven"));
        step(() -> writes.newComment(p7, "a comment on the other post"));

        out.println("commentCount(42) = " + step(() -> service.commentCount(p42)) + "   db hit: runs the query, stores the result in group 42");
        out.println("commentCount(42) = " + step(() -> service.commentCount(p42)) + "   cache hit");
        out.println("commentCount(7)  = " + step(() -> service.commentCount(p7)) + "   db hit");
        step(() -> writes.newComment(p42, "hello"));
        out.println("a transaction persisted a Comment whose post is 42, and committed");
        out.println("commentCount(42) = " + step(() -> service.commentCount(p42)) + "   db hit: group 42 was dropped after the commit");
        out.println("commentCount(7)  = " + step(() -> service.commentCount(p7)) + "   still a cache hit");

        MethodStatistics s = statistics.of(CommentService.class.getName() + ".commentCount");
        out.println("hits " + s.hits() + ", misses " + s.misses() + ", loads " + s.loads() + ", invalidations " + s.invalidations());
        return s;
    }

    private <T> T step(java.util.function.Supplier<T> work) {
        return requests.run(work);                     // through the bean, so that its interceptor runs
    }
}
