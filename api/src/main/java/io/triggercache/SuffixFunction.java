package io.triggercache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Computes, in code, the group a change affects, where a property path is not enough.
 *
 * <p>Named by {@link Trigger#suffixFunction()} and resolved once at deployment: as a CDI bean when
 * one exists (so it may inject), otherwise by its public no-argument constructor. It is called once
 * for each state of a change: the new state of an insert, the state at deletion of a delete, and both
 * states of an update, so that an entity that moves between groups drops both.
 *
 * <p>The value returned must equal the method's suffix value for the entries to drop: for a method
 * with {@code suffix = "post.id"} return the post id (a {@code Long}, as the method's path yields);
 * for a method with several suffix parts return a {@link java.util.List} of the parts in order.
 * Return {@link #NO_GROUP} when this state belongs to no group of the method, {@link #each(Collection)}
 * when it belongs to several (a post's tags: a tag change drops the group of every tag the post had or has),
 * and {@link #ALL_GROUPS} when it cannot tell (a lazy collection that was never loaded): every entry of the
 * method is dropped then.
 *
 * <p>Implementations must be thread-safe and fast: they run while the transaction flushes.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class CommentToPost implements SuffixFunction {
 *     public Object suffix(Change change, Change.State state) {
 *         Post post = (Post) state.get("post");
 *         return post == null ? NO_GROUP : post.getId();
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface SuffixFunction {

    /** Returned by {@link #suffix} when the groups cannot be told: every entry of the method is dropped. */
    Object ALL_GROUPS = new Object() {
        @Override
        public String toString() {
            return "ALL_GROUPS";
        }
    };

    /** Returned by {@link #suffix} when a state belongs to no group: nothing is dropped for it. */
    Object NO_GROUP = new Object() {
        @Override
        public String toString() {
            return "NO_GROUP";
        }
    };

    /**
     * A value for {@link #suffix} naming several groups: each element is one suffix value (a {@code List} of
     * parts for a multi-part suffix). An empty collection names no group.
     *
     * <pre>{@code
     * public Object suffix(Change change, Change.State state) {
     *     Set<Tag> tags = (Set<Tag>) state.get("tags");
     *     return SuffixFunction.each(tags.stream().map(Tag::getName).toList());
     * }
     * }</pre>
     */
    static Object each(Collection<?> suffixes) {
        return new Each(Collections.unmodifiableList(new ArrayList<>(suffixes)));
    }

    /** Several groups, as returned by {@link #each(Collection)}. */
    final class Each {
        private final List<?> suffixes;

        private Each(List<?> suffixes) {
            this.suffixes = suffixes;
        }

        /** The suffix values, one per group. */
        public List<?> suffixes() {
            return suffixes;
        }

        @Override
        public String toString() {
            return "each" + suffixes;
        }
    }

    /**
     * Returns the suffix value of the group that {@code state} belongs to.
     *
     * @param change the whole change (event, id, dirty properties)
     * @param state  the side being grouped: {@code change.before()} or {@code change.after()}
     * @return the suffix value, a {@code List} of parts for a multi-part suffix, {@link #NO_GROUP},
     *         {@link #each(Collection)} for several groups, or {@link #ALL_GROUPS}
     */
    Object suffix(Change change, Change.State state);

    /** The default of {@link Trigger#suffixFunction()}: no function. Never invoked. */
    final class None implements SuffixFunction {
        private None() {
        }

        @Override
        public Object suffix(Change change, Change.State state) {
            throw new IllegalStateException("SuffixFunction.None is a marker and is never called");
        }
    }
}
