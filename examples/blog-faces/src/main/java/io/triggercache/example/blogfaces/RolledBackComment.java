package io.triggercache.example.blogfaces;

import io.triggercache.example.blog.service.BlogCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The demo of a rollback: adds a comment, then fails, so the transaction rolls back and triggercache drops
 * nothing (the post's fragment stays a hit).
 */
@ApplicationScoped
public class RolledBackComment {

    @Inject
    BlogCommands commands;

    /** Adds the comment in a transaction that then fails. @throws IllegalStateException always, after the write */
    @Transactional
    public void add(long postId, String author, String text) {
        commands.addComment(postId, author, text);
        throw new IllegalStateException("the comment was written, then its transaction rolled back");
    }
}
