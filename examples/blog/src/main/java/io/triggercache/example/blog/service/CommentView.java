package io.triggercache.example.blog.service;

import java.time.Instant;

/**
 * A comment as its post's page shows it. Immutable.
 *
 * @param id        the comment's id
 * @param author    who wrote it
 * @param text      what they wrote
 * @param createdAt when
 */
public record CommentView(long id, String author, String text, Instant createdAt) {

    /** The creation time as the pages show it. */
    public String created() {
        return Dates.format(createdAt);
    }
}
