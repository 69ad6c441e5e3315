package io.triggercache.benchmarks.b4;

/**
 * What the blog shows of a comment; immutable, so it can be cached.
 *
 * @param id      the comment id
 * @param text    the text
 * @param version the write sequence number of the comment's last committed write
 */
public record CommentView(long id, String text, long version) {
}
