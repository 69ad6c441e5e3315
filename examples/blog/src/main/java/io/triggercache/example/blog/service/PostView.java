package io.triggercache.example.blog.service;

import java.time.Instant;
import java.util.List;

/**
 * A post with everything its page shows except the comments. Immutable.
 *
 * @param id          the post's id, which is also the group (suffix) of its cached entries
 * @param title       its title
 * @param body        its text
 * @param author      its author's name
 * @param publishedAt when it was published
 * @param tags        the names of its tags, sorted
 */
public record PostView(long id, String title, String body, String author, Instant publishedAt, List<String> tags) {

    public PostView {
        tags = List.copyOf(tags);
    }

    /** The publication time as the pages show it. */
    public String published() {
        return Dates.format(publishedAt);
    }

    /** The tags as the tag form shows them: {@code "java, jpa"}. */
    public String tagList() {
        return String.join(", ", tags);
    }
}
