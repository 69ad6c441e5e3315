package io.triggercache;

/**
 * A predicate over a change: the trigger that names it fires only if it returns {@code true}.
 *
 * <p>Named by {@link Trigger#checker()} and resolved once at deployment: as a CDI bean when one
 * exists (so it may inject), otherwise by its public no-argument constructor. It runs while the
 * transaction flushes, before the change is recorded; it must be thread-safe, fast, and must not
 * touch the database through the flushing session.
 *
 * <p>A checker decides on the whole change, so it must look at both states: for a "published posts" list, a post
 * matters if it is published before <em>or</em> after the change. Looking at the new state only would miss an
 * un-publish (true to false), and the list would keep the post.
 *
 * <pre>{@code
 * public class OnlyPublished implements Checker {
 *     public boolean test(Change change) {
 *         return published(change.before()) || published(change.after());
 *     }
 *
 *     private static boolean published(Change.State state) {
 *         if (state == null) {
 *             return false;                                  // no such side (an insert has no before)
 *         }
 *         Object p = state.get("published");
 *         return p == Change.UNKNOWN || Boolean.TRUE.equals(p);   // unknown: it may have been published
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface Checker {

    /**
     * Returns whether the change should drop the trigger's groups.
     *
     * @param change the change, never null
     */
    boolean test(Change change);

    /** The default of {@link Trigger#checker()}: no checker. Never invoked. */
    final class None implements Checker {
        private None() {
        }

        @Override
        public boolean test(Change change) {
            throw new IllegalStateException("Checker.None is a marker and is never called");
        }
    }
}
