package io.triggercache.example.blog.service;

import static io.triggercache.EntityEvent.DELETE;
import static io.triggercache.EntityEvent.INSERT;
import static io.triggercache.EntityEvent.UPDATE;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.example.blog.model.Comment;
import io.triggercache.example.blog.model.Post;
import io.triggercache.example.blog.model.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The blog's reads, each cached and each dropped by exactly the entity changes it was computed from.
 *
 * <p>The methods return immutable views built inside the method from queries that fetch everything they
 * need, so they work without a transaction (and a cache hit touches neither a transaction nor the
 * database).
 */
@ApplicationScoped
public class BlogQueries {

    /** The name of {@link #latestPosts()} in the statistics. */
    public static final String LATEST_POSTS = "latestPosts";
    /** The name of {@link #post(long)} in the statistics. */
    public static final String POST = "post";
    /** The name of {@link #comments(PostView)} in the statistics. */
    public static final String COMMENTS = "comments";
    /** The name of {@link #postsByTag(String)} in the statistics. */
    public static final String POSTS_BY_TAG = "postsByTag";

    /** How many posts the home page lists. */
    public static final int LATEST = 5;

    private final EntityManager em;

    @Inject
    public BlogQueries(EntityManager em) {
        this.em = em;
    }

    /** For the CDI client proxy. */
    protected BlogQueries() {
        this.em = null;
    }

    /**
     * The five most recent posts, newest first. One group: any new or deleted post drops it. An update
     * does not, because a summary shows nothing that changes after publication (its tags are not in it).
     */
    @Cached(name = LATEST_POSTS, triggers = @Trigger(entity = Post.class, on = {INSERT, DELETE}))
    public List<PostSummary> latestPosts() {
        return em.createQuery("select p from Post p join fetch p.author order by p.publishedAt desc, p.id desc", Post.class)
                .setMaxResults(LATEST)
                .getResultStream()
                .map(BlogQueries::summary)
                .toList();
    }

    /**
     * One post with its author and tags, or {@code null} if there is none with this id (not cached).
     * Grouped by the post's id: an update of that post (its tags included) or its deletion drops it.
     */
    @Cached(name = POST, suffix = "id", triggers = @Trigger(entity = Post.class, on = {UPDATE, DELETE}, suffix = "id"))
    public PostView post(long id) {
        List<Post> found = em.createQuery(
                        "select distinct p from Post p join fetch p.author left join fetch p.tags where p.id = :id", Post.class)
                .setParameter("id", id)
                .getResultList();
        if (found.isEmpty()) {
            return null;
        }
        Post p = found.get(0);
        List<String> tags = p.getTags().stream().map(Tag::getName).sorted().toList();
        return new PostView(p.getId(), p.getTitle(), p.getBody(), p.getAuthor().getName(), p.getPublishedAt(), tags);
    }

    /**
     * The comments of a post, oldest first. Grouped by the post's id ({@code post.id}): a comment added to,
     * changed on or removed from post 42 drops group 42 only (a comment moved between posts drops both),
     * and so does deleting post 42.
     */
    @Cached(name = COMMENTS, suffix = "post.id", triggers = {
            @Trigger(entity = Comment.class, suffix = "post.id"),
            @Trigger(entity = Post.class, on = DELETE, suffix = "id")})
    public List<CommentView> comments(PostView post) {
        return em.createQuery("select c from Comment c where c.post.id = :post order by c.createdAt, c.id", Comment.class)
                .setParameter("post", post.id())
                .getResultStream()
                .map(c -> new CommentView(c.getId(), c.getAuthorName(), c.getText(), c.getCreatedAt()))
                .toList();
    }

    /**
     * The posts filed under a tag, newest first. Grouped by tag name. A post's tags are a collection: a new or
     * deleted post, or a change to its tags, drops the group of every tag the post had or has
     * ({@link PostTagNames}, a suffix function naming several groups); renaming or deleting a tag drops that
     * tag's group (both names for a rename).
     */
    @Cached(name = POSTS_BY_TAG, suffix = "tag", triggers = {
            @Trigger(entity = Post.class, properties = "tags", suffixFunction = PostTagNames.class),
            @Trigger(entity = Tag.class, on = {UPDATE, DELETE}, suffix = "name")})
    public List<PostSummary> postsByTag(String tag) {
        return em.createQuery("select p from Post p join fetch p.author join p.tags t where t.name = :tag"
                        + " order by p.publishedAt desc, p.id desc", Post.class)
                .setParameter("tag", tag)
                .getResultStream()
                .map(BlogQueries::summary)
                .toList();
    }

    private static PostSummary summary(Post p) {
        return new PostSummary(p.getId(), p.getTitle(), p.getAuthor().getName(), p.getPublishedAt(), excerpt(p.getBody()));
    }

    private static String excerpt(String body) {
        if (body.length() <= 160) {
            return body;
        }
        int cut = body.lastIndexOf(' ', 160);
        return body.substring(0, cut > 0 ? cut : 160) + " …";
    }
}
