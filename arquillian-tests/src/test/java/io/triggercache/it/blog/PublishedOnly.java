package io.triggercache.it.blog;

import io.triggercache.Change;
import io.triggercache.Checker;

/** Fires only for posts that are (or were) published. */
public class PublishedOnly implements Checker {
    @Override
    public boolean test(Change change) {
        return (change.before() != null && Boolean.TRUE.equals(change.before().get("published")))
                || (change.after() != null && Boolean.TRUE.equals(change.after().get("published")));
    }
}
