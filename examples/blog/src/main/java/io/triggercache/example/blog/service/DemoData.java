package io.triggercache.example.blog.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Seeds a few authors, tags, posts and comments when the application starts on an empty database, so
 * that there is something to click on ({@code web.DemoDataListener} calls it). The seeding goes through
 * {@link BlogCommands}, so its commits are entity changes like any other: the statistics start with their
 * invalidations.
 */
@ApplicationScoped
public class DemoData {

    @Inject
    BlogCommands commands;

    /**
     * Adds the demo posts unless a post exists.
     *
     * @return whether it added them
     */
    @ActivateRequestContext
    public boolean seedIfEmpty() {
        if (commands.anyPost()) {
            return false;
        }
        List<Seed> seeds = List.of(
                new Seed("Ada", "Caching the results of bean methods",
                        "A cached method answers from the cache until the data it was computed from changes. "
                                + "The triggers on the method say which entity changes those are.",
                        "caching, cdi"),
                new Seed("Grace", "Why invalidate after commit",
                        "Dropping entries before the commit lets a concurrent reader put the old value back. "
                                + "triggercache drops them after the database committed, and refuses to store a "
                                + "value that was loaded before that drop.",
                        "caching, transactions"),
                new Seed("Linus", "Groups: the suffix of a cache key",
                        "The comments of post 42 form group 42. A new comment on post 42 drops that group "
                                + "and leaves the comments of every other post cached.",
                        "caching, jpa"),
                new Seed("Ada", "Rendering fragments once",
                        "The comments of a post are rendered with Mustache, and the markup is cached: a page "
                                + "view whose comments did not change neither queries nor renders them.",
                        "mustache, caching"),
                new Seed("Grace", "Hibernate events as signals",
                        "An integrator listens to inserts, updates, deletes and collection changes, and "
                                + "reports them to the cache when the transaction commits.",
                        "hibernate, jpa"),
                new Seed("Linus", "Tags are a collection",
                        "Adding a tag to a post changes the post's tag collection: an update of the post "
                                + "whose dirty property is tags. The posts-by-tag pages listen to it.",
                        "jpa, tags"),
                new Seed("Ada", "Reading the statistics",
                        "The stats page shows, per cached method, hits, misses, loads and invalidations, "
                                + "and how many SQL statements the application has run.",
                        "caching, statistics"));
        // a day apart, the last one yesterday: posts written from now on are the newest
        Instant first = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(seeds.size())).plus(Duration.ofHours(9));
        List<Long> ids = new ArrayList<>();
        Instant at = first;
        for (Seed s : seeds) {
            ids.add(commands.addPostAt(s.author, s.title, s.body, BlogCommands.tagNames(s.tags), at));
            at = at.plus(Duration.ofDays(1));
        }
        Instant c = first.plus(Duration.ofHours(3));
        commands.addCommentAt(ids.get(0), "Linus", "And when the data changes outside the application?", c);
        commands.addCommentAt(ids.get(0), "Ada", "Then the Invalidator drops the groups by hand.", c.plusSeconds(600));
        commands.addCommentAt(ids.get(1), "Ada", "The lease makes the late writer's put fail.", c.plus(Duration.ofDays(1)));
        commands.addCommentAt(ids.get(2), "Grace", "Moving a comment to another post drops both groups.", c.plus(Duration.ofDays(2)));
        return true;
    }

    private record Seed(String author, String title, String body, String tags) {
    }
}
