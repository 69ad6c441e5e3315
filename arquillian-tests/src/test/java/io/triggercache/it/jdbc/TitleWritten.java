package io.triggercache.it.jdbc;

/** An application event: a post's title was written through plain JDBC. */
public record TitleWritten(long postId) {
}
