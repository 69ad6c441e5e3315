package io.triggercache.example.blog.service;

import io.triggercache.Change;
import io.triggercache.SuffixFunction;
import io.triggercache.example.blog.model.Tag;
import jakarta.persistence.Persistence;
import java.util.Collection;

/**
 * The groups of {@link BlogQueries#postsByTag} that a post change touches: the names of the post's tags.
 * Called for the old and the new state of a change, so retagging a post from {java, cdi} to {java, jpa}
 * drops the groups java, cdi and jpa, and no other tag's page.
 */
public class PostTagNames implements SuffixFunction {

    @Override
    public Object suffix(Change change, Change.State state) {
        Object tags = state.get("tags");
        if (!(tags instanceof Collection<?> collection) || !Persistence.getPersistenceUtil().isLoaded(tags)) {
            return ALL_GROUPS;                 // a collection never loaded: which tags it held is unknown here
        }
        return SuffixFunction.each(collection.stream().map(t -> ((Tag) t).getName()).toList());
    }
}
