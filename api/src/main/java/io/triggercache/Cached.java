package io.triggercache;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Caches the results of a CDI bean method and drops them when the data they were computed from
 * changes, as declared by its {@link #triggers()}.
 *
 * <p>On a method, that method is cached. On a class, every public non-{@code void} business method
 * declared in the class is cached with these settings (methods returning {@code void} are called as
 * usual); a {@code @Cached} on a method replaces the class's.
 *
 * <h2>Name, key, suffix</h2>
 * <ul>
 *   <li>The <b>name</b> identifies the method's entries: {@link #name()}, by default
 *       {@code <declaring class FQN>.<method name>}. Two cached methods of one application cannot share a name
 *       (overloads need an explicit name).</li>
 *   <li>The <b>key</b> identifies one entry: the values of the {@link #key()} paths followed by
 *       the {@link #suffix()} paths not already among them. With neither given, the key is every argument;
 *       with only a suffix, the key is the suffix. Every parameter must reach the key (or the entries of
 *       different argument values would be shared), and every key part must have value equality.</li>
 *   <li>The <b>suffix</b> is the group part of the key that triggers aim at: {@code suffix = "post.id"}
 *       groups entries by the post's id, and a trigger whose suffix yields 42 for a change drops exactly
 *       group 42. Without a suffix the method is one group.</li>
 * </ul>
 * Paths are parameter names followed by properties ({@code post.id}, {@code author.name}), or
 * {@code #n} for the n-th parameter from 0 ({@code #0.id}); they are compiled to getter chains when the
 * application deploys and never interpreted per call. A {@code null} along a path yields {@code null}.
 * Parameter names need the {@code -parameters} compiler flag; without it use {@code #n}.
 *
 * <h2>A call</h2>
 * <ol>
 *   <li>Change sources first surface the calling transaction's unflushed writes (the Hibernate source flushes
 *       a dirty session in flush mode {@code AUTO}, as a query would). If the transaction then has pending
 *       changes that match this method, the method runs and its result is not stored (the caller sees its
 *       own writes).</li>
 *   <li>Otherwise the key is built and the store is read. A hit is returned if the entry's group has
 *       not been dropped since it was loaded and its TTL has not run out.</li>
 *   <li>On a miss, one caller per key runs the method (others calling meanwhile wait for its result);
 *       the result is stored only if no matching change committed while it was computed.</li>
 *   <li>An exception from the method propagates unchanged and nothing is stored. {@code null} results are
 *       stored only with {@link #cacheNulls()}.</li>
 *   <li>A store fault (an unreachable or failing cache) never reaches the caller: the method runs
 *       uncached, the fault is counted and logged at most once per period.</li>
 * </ol>
 *
 * <h2>Example</h2>
 * <pre>{@code
 * @ApplicationScoped
 * public class BlogService {
 *
 *     @Cached(triggers = @Trigger(entity = Post.class, on = {INSERT, DELETE}))
 *     public List<PostView> latestPosts() { ... }
 *
 *     @Cached(suffix = "post.id", triggers = {
 *         @Trigger(entity = Comment.class, suffix = "post.id"),
 *         @Trigger(entity = Post.class, on = DELETE, suffix = "id")})
 *     public List<CommentView> comments(Post post) { ... }
 * }
 * }</pre>
 *
 * <p>All members are checked when the application deploys; every problem is reported at once in the
 * deployment error, each naming the class, the method, the rule broken and the fix.
 */
@Documented
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Cached {

    /** The base name of the entries. Default: {@code <declaring class FQN>.<method>}. */
    @Nonbinding
    String name() default "";

    /**
     * Property paths over the parameters forming the group part of the key, for example {@code "post.id"}
     * or {@code {"post.id", "page"}}. Every trigger with a suffix must give as many paths.
     */
    @Nonbinding
    String[] suffix() default {};

    /**
     * Property paths over the parameters forming the key. Default: every argument, or the suffix when
     * one is given. The suffix parts are always part of the key.
     */
    @Nonbinding
    String[] key() default {};

    /** The changes that drop this method's entries. Without triggers, entries leave only by TTL or eviction. */
    @Nonbinding
    Trigger[] triggers() default {};

    /**
     * How long an entry may be served after it was loaded: ISO-8601 ({@code PT10M}) or a number with a
     * unit {@code ms}, {@code s}, {@code m}, {@code h}, {@code d} ({@code 10m}, {@code 30s}). Empty: no
     * time limit (entries leave when triggered, or when the cache evicts them for size).
     */
    @Nonbinding
    String ttl() default "";

    /**
     * Spread of the TTL, as a fraction from 0 to 1: each entry lives {@code ttl * (1 ± jitter)}, chosen at
     * random per entry, so that entries loaded together do not expire together.
     */
    @Nonbinding
    double jitter() default 0;

    /** Whether a {@code null} result is cached (as a marker) rather than computed again on every call. */
    @Nonbinding
    boolean cacheNulls() default false;

    /**
     * A condition under which a result is returned but not cached ({@link Unless}); the default caches every result
     * (and {@code null} only with {@link #cacheNulls()}).
     */
    @Nonbinding
    Class<? extends Unless> unless() default Unless.None.class;

    /**
     * The JCache cache holding the entries. Default: one cache per method, named after it. Methods may
     * share a cache; their entries stay apart by name.
     */
    @Nonbinding
    String cache() default "";

    /**
     * The near tier of this method's entries when the store is shared by several nodes (a distributed JCache
     * provider); ignored by a store only this node uses (the embedded Ehcache). {@link Near#DEFAULT}: the
     * store's setting. A per-name setting on the store's builder overrides this one.
     */
    @Nonbinding
    Near near() default Near.DEFAULT;

    /**
     * Where a node serves this method's hits from, under a shared store (see {@code docs/cluster.md}).
     */
    enum Near {
        /** The store's default (its builder's {@code near(...)}; {@code STRICT} unless set). */
        DEFAULT,
        /** No copy on this node: every hit reads the shared cache (the entry and its tokens). */
        OFF,
        /**
         * A decoded copy on this node, served after one round trip that checks its group token and epoch are
         * still current: a commit on any node is seen by the next read on every node.
         */
        STRICT,
        /**
         * A decoded copy on this node, served without a round trip while the store's events say it is
         * current: hits cost about what a local cache's do, and another node's commit reaches this node
         * within the measured staleness window (milliseconds).
         */
        NEAR
    }
}
