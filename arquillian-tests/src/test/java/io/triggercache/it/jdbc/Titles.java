package io.triggercache.it.jdbc;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.it.blog.Jpa;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

/** A cached read of data written through plain JDBC, dropped by the event the writer fires. */
@ApplicationScoped
public class Titles {

    @Inject
    Jpa jpa;

    @Cached(suffix = "postId", triggers = @Trigger(event = TitleWritten.class, suffix = "postId"))
    public String title(long postId) {
        // a scalar query: what the transaction's connection sees, never a managed instance
        return jpa.read(em -> em.createQuery("select p.title from Post p where p.id = :p", String.class)
                .setParameter("p", postId).getSingleResult());
    }

    /** Renames a post with plain JDBC on the transaction's connection: Hibernate sees no entity change. */
    public static void renameByJdbc(EntityManager em, long postId, String title) {
        // the writer reads the row it is about to change, as writing code does: from then on the Hibernate source
        // knows the session's transaction, and the drops reported by hand join it (README, guarantee 8)
        em.detach(em.find(io.triggercache.it.blog.Post.class, postId));   // not kept: the JDBC write below changes the row
        em.unwrap(Session.class).doWork(connection -> {
            try (var update = connection.prepareStatement("update Post set title = ? where id = ?")) {
                update.setString(1, title);
                update.setLong(2, postId);
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("no post " + postId);
                }
            }
        });
    }
}
