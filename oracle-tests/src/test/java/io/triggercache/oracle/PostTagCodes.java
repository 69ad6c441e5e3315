package io.triggercache.oracle;

import io.triggercache.Change;
import io.triggercache.SuffixFunction;

/** The codes of a post's tags, one group each (the owning side of the many-to-many); every code when not known. */
public class PostTagCodes implements SuffixFunction {

    @Override
    public Object suffix(Change change, Change.State state) {
        return TagPosts.codes(state.get("tags"));
    }
}
