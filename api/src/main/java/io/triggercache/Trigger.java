package io.triggercache;

import static io.triggercache.EntityEvent.DELETE;
import static io.triggercache.EntityEvent.INSERT;
import static io.triggercache.EntityEvent.UPDATE;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, on a {@link Cached} method, which changes make its results obsolete.
 *
 * <p>A trigger names a <em>sender</em>: one or more entity types ({@link #entity()}) with the events
 * it reacts to ({@link #on()}), or one or more application event types fired through CDI
 * ({@link #event()}). When a matching change is committed, the trigger drops:
 * <ul>
 *   <li>the group of the method whose suffix value equals the trigger's {@link #suffix()} evaluated on
 *       the changed entity (or computed by {@link #suffixFunction()}); or</li>
 *   <li>every entry of the method, when the trigger has neither.</li>
 * </ul>
 * For an {@link EntityEvent#UPDATE} both the old and the new state are evaluated, so an entity that
 * moves between groups (a comment moved from post 1 to post 2) drops both groups; a delete uses the
 * state at deletion.
 *
 * <p>Optional filters: {@link #properties()} (an update fires only if one of them changed) and
 * {@link #checker()} (a predicate over the change). Both run while the transaction flushes; the
 * groups are dropped only after the database commit succeeded, and not at all on rollback.
 *
 * <pre>{@code
 * @Cached(suffix = "post.id", triggers = {
 *     @Trigger(entity = Comment.class, suffix = "post.id"),          // the comment's post
 *     @Trigger(entity = Post.class, on = DELETE, suffix = "id")})    // the post itself
 * public List<CommentView> comments(Post post) { ... }
 * }</pre>
 *
 * <p>Everything here is checked when the application deploys; an invalid trigger fails the deployment
 * with a message naming the method, the trigger (by position, from 1), the rule and the fix.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Trigger {

    /**
     * The entity types whose changes fire this trigger. Each must be a JPA {@code @Entity} when JPA is
     * present. A subclass of a listed type matches too. Exactly one of {@code entity} and {@link #event}
     * must be given.
     */
    Class<?>[] entity() default {};

    /**
     * Application event types that fire this trigger when fired through CDI
     * ({@code Event<PriceChanged>.fire(...)}), like Django's custom signals. Fired inside a JTA transaction
     * (a Jakarta EE server), the drop happens after it commits, and not at all if it rolls back; outside JTA,
     * it happens after the commit of the transaction in which the calling thread has already reported an
     * entity change, otherwise at once. {@link #on()} and {@link #properties()} do not apply; {@link #suffix()}
     * paths are read from the event object.
     */
    Class<?>[] event() default {};

    /** The entity events that fire this trigger. Default: all three. */
    EntityEvent[] on() default {INSERT, UPDATE, DELETE};

    /**
     * Property paths over the changed entity (or event) giving the group to drop, one per part of the
     * method's {@link Cached#suffix()}, in the same order. Example: {@code "post.id"} on a
     * {@code Comment} yields the id of the comment's post. Empty with no {@link #suffixFunction()}: the
     * trigger drops the whole method.
     */
    String[] suffix() default {};

    /** Computes the group in code instead of {@link #suffix()} (not both). */
    Class<? extends SuffixFunction> suffixFunction() default SuffixFunction.None.class;

    /** A predicate over the change; the trigger fires only when it returns {@code true}. */
    Class<? extends Checker> checker() default Checker.None.class;

    /**
     * Entity properties (top-level attribute names, collections included) of which at least one must
     * have changed for an {@link EntityEvent#UPDATE} to fire this trigger. Empty: any update fires it.
     * Inserts and deletes are not filtered.
     */
    String[] properties() default {};
}
