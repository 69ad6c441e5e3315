package io.triggercache.cdc;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The application's cached reads; the tests write around the application, with plain JDBC. */
@ApplicationScoped
public class CdcQueries {

    @Inject
    CdcJpa jpa;

    @Cached(suffix = "postId", triggers = @Trigger(entity = CdcComment.class, suffix = "post.id"))
    public List<String> comments(long postId) {
        return jpa.read(em -> em.createQuery("select c.text from CdcComment c where c.post.id = :p order by c.id", String.class)
                .setParameter("p", postId).getResultList());
    }

    @Cached(suffix = "category", triggers = @Trigger(entity = CdcPost.class, suffix = "category"))
    public List<String> titles(String category) {
        return jpa.read(em -> em.createQuery("select p.title from CdcPost p where p.category = :c order by p.id", String.class)
                .setParameter("c", category).getResultList());
    }

    /** Grouped by a value beyond the comment's foreign key: a captured row cannot tell it. */
    @Cached(suffix = "title", triggers = @Trigger(entity = CdcComment.class, suffix = "post.title"))
    public long commentsOnTitle(String title) {
        return jpa.read(em -> em.createQuery("select count(c) from CdcComment c where c.post.title = :t", Long.class)
                .setParameter("t", title).getSingleResult());
    }

    @Cached(suffix = "bucket", triggers = @Trigger(entity = CdcTag.class, suffix = "bucket"))
    public List<String> tags(String bucket) {
        return jpa.read(em -> em.createQuery("select t.label from CdcTag t where t.bucket = :b order by t.id", String.class)
                .setParameter("b", bucket).getResultList());
    }

    /** Reads a table no entity maps; the capture is told that its writes concern CdcPost. */
    @Cached(triggers = @Trigger(entity = CdcPost.class))
    public long auditRows() {
        return jpa.read(em -> ((Number) em.createNativeQuery("select count(*) from cdc.cdc_audit").getSingleResult()).longValue());
    }

    /** Reads a table no entity maps and nobody told the capture about: only its TTL or a hand drop refreshes it. */
    @Cached(triggers = @Trigger(entity = CdcTag.class, on = io.triggercache.EntityEvent.DELETE))
    public long notes() {
        return jpa.read(em -> ((Number) em.createNativeQuery("select count(*) from cdc.cdc_note").getSingleResult()).longValue());
    }

    @Cached(suffix = "shelf", triggers = @Trigger(entity = CdcItem.class, suffix = "shelf"))
    public List<Long> itemsOn(String shelf) {
        return jpa.read(em -> em.createQuery("select i.id from CdcItem i where i.shelf = :s order by i.id", Long.class)
                .setParameter("s", shelf).getResultList());
    }

    @Cached(suffix = "author", triggers = @Trigger(entity = CdcBook.class, suffix = "author"))
    public List<Long> booksBy(String author) {
        return jpa.read(em -> em.createQuery("select b.id from CdcBook b where b.author = :a order by b.id", Long.class)
                .setParameter("a", author).getResultList());
    }

    /** Grouped by a column of the secondary table. */
    @Cached(suffix = "color", triggers = @Trigger(entity = CdcItem.class, suffix = "color"))
    public List<Long> itemsColored(String color) {
        return jpa.read(em -> em.createQuery("select i.id from CdcItem i where i.color = :c order by i.id", Long.class)
                .setParameter("c", color).getResultList());
    }
}
