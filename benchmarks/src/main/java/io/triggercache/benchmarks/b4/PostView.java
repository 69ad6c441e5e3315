package io.triggercache.benchmarks.b4;

/**
 * What the blog shows of a post; immutable, so it can be cached.
 *
 * @param id      the post id
 * @param title   the title
 * @param version the write sequence number of the post's last committed write
 */
public record PostView(long id, String title, long version) {
}
