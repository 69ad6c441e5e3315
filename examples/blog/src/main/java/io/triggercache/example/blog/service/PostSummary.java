package io.triggercache.example.blog.service;

import java.time.Instant;

/**
 * A post in a list (the home page, a tag page): what does not change after publication. Immutable, so a
 * cached list of them can be shared by every request.
 *
 * @param id          the post's id
 * @param title       its title
 * @param author      its author's name
 * @param publishedAt when it was published
 * @param excerpt     the start of its body
 */
public record PostSummary(long id, String title, String author, Instant publishedAt, String excerpt) {

    /** The publication time as the pages show it. */
    public String published() {
        return Dates.format(publishedAt);
    }
}
