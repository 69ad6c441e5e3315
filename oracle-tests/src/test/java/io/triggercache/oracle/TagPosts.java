package io.triggercache.oracle;

import io.triggercache.Change;
import io.triggercache.SuffixFunction;
import io.triggercache.oracle.model.Post;
import io.triggercache.oracle.model.Tag;
import java.util.Collection;
import org.hibernate.Hibernate;

/** The posts of a tag (the inverse side of the many-to-many): every post, when the collection is not known. */
public class TagPosts implements SuffixFunction {

    @Override
    public Object suffix(Change change, Change.State state) {
        Object posts = state.get("posts");
        if (posts == Change.UNKNOWN || posts == null || !Hibernate.isInitialized(posts)) {
            return ALL_GROUPS;
        }
        @SuppressWarnings("unchecked")
        Collection<Post> ps = (Collection<Post>) posts;
        return SuffixFunction.each(ps.stream().map(Post::getId).toList());
    }

    /** The tag codes of a post's tags, for {@link PostTagCodes}. */
    static Object codes(Object tags) {
        if (tags == Change.UNKNOWN || tags == null || !Hibernate.isInitialized(tags)) {
            return ALL_GROUPS;
        }
        @SuppressWarnings("unchecked")
        Collection<Tag> ts = (Collection<Tag>) tags;
        return SuffixFunction.each(ts.stream().map(Tag::getCode).toList());
    }
}
