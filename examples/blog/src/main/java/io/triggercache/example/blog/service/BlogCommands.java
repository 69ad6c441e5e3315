package io.triggercache.example.blog.service;

import io.triggercache.example.blog.model.Author;
import io.triggercache.example.blog.model.Comment;
import io.triggercache.example.blog.model.Post;
import io.triggercache.example.blog.model.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The blog's writes, one transaction each. Nothing here mentions the cache: the entity changes these
 * transactions commit are what drops the cached reads.
 *
 * <p>{@code @Transactional} is the container's JTA interceptor in an application server; the embedded
 * launcher supplies a resource-local one.
 */
@ApplicationScoped
public class BlogCommands {

    /** The most characters a tag name may have; longer ones are cut. */
    public static final int TAG_LENGTH = 40;

    @Inject
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /**
     * Publishes a post now.
     *
     * @param author the author's name; the author is created on their first post
     * @param tags   tag names, normalized by {@link #tagNames(String)}; missing tags are created
     * @return the new post's id
     */
    @Transactional
    public long addPost(String author, String title, String body, Collection<String> tags) {
        return publish(author, title, body, tags, clock.instant());
    }

    /**
     * Publishes a post at a given time (the demo data's past posts).
     *
     * @return the new post's id
     */
    @Transactional
    public long addPostAt(String author, String title, String body, Collection<String> tags, Instant publishedAt) {
        return publish(author, title, body, tags, publishedAt);
    }

    private long publish(String author, String title, String body, Collection<String> tags, Instant publishedAt) {
        Post post = new Post(author(author), title, body, publishedAt);
        post.getTags().addAll(tags(tags));
        em.persist(post);
        return post.getId();
    }

    /**
     * Adds a comment to a post.
     *
     * @return whether the post exists (if not, nothing was added)
     */
    @Transactional
    public boolean addComment(long postId, String author, String text) {
        return addCommentAt(postId, author, text, clock.instant());
    }

    /**
     * Adds a comment written at a given time (the demo data's).
     *
     * @return whether the post exists
     */
    @Transactional
    public boolean addCommentAt(long postId, String author, String text, Instant createdAt) {
        Post post = em.find(Post.class, postId);
        if (post == null) {
            return false;
        }
        em.persist(new Comment(post, author, text, createdAt));
        return true;
    }

    /**
     * Replaces the tags of a post.
     *
     * @return whether the post exists
     */
    @Transactional
    public boolean setTags(long postId, Collection<String> tags) {
        Post post = em.find(Post.class, postId);
        if (post == null) {
            return false;
        }
        Set<Tag> wanted = tags(tags);
        // comparing reads the current tags, the old state of the change; a new collection rather than the loaded
        // one changed in place, so that every change source knows which tags the post had (see Post.setTags)
        if (!post.getTags().equals(wanted)) {
            post.setTags(wanted);
        }
        return true;
    }

    /**
     * Deletes a post with its comments.
     *
     * @return whether the post existed
     */
    @Transactional
    public boolean deletePost(long postId) {
        Post post = em.find(Post.class, postId);
        if (post == null) {
            return false;
        }
        em.remove(post);
        return true;
    }

    /** Whether any post exists. */
    public boolean anyPost() {
        return !em.createQuery("select p.id from Post p", Long.class).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Tag names from what a person typed: split at commas and blanks, lower-cased, kept to letters, digits
     * and dashes, without duplicates, in the order given.
     */
    public static List<String> tagNames(String typed) {
        Set<String> names = new LinkedHashSet<>();
        if (typed != null) {
            for (String part : typed.split("[,\\s]+")) {
                String name = part.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}-]", "");
                if (!name.isEmpty()) {
                    names.add(name.length() > TAG_LENGTH ? name.substring(0, TAG_LENGTH) : name);
                }
            }
        }
        return new ArrayList<>(names);
    }

    private Author author(String name) {
        List<Author> found = em.createQuery("select a from Author a where a.name = :name", Author.class)
                .setParameter("name", name)
                .getResultList();
        if (!found.isEmpty()) {
            return found.get(0);
        }
        Author author = new Author(name);
        em.persist(author);
        return author;
    }

    private Set<Tag> tags(Collection<String> names) {
        Set<Tag> tags = new LinkedHashSet<>();
        if (names.isEmpty()) {
            return tags;
        }
        List<Tag> existing = em.createQuery("select t from Tag t where t.name in :names", Tag.class)
                .setParameter("names", names)
                .getResultList();
        for (String name : names) {
            Tag tag = existing.stream().filter(t -> t.getName().equals(name)).findFirst().orElse(null);
            if (tag == null) {
                tag = new Tag(name);
                em.persist(tag);
            }
            tags.add(tag);
        }
        return tags;
    }
}
