package io.triggercache.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.EntityEvent;
import io.triggercache.hibernate.Database;
import io.triggercache.hibernate.RecordingSink;
import io.triggercache.hibernate.TriggerCacheSettings;
import io.triggercache.hibernate.entities.Post;
import io.triggercache.spi.ChangeSinks;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The listener's mapping file in a Hibernate ORM unit: Hibernate's own source reports each write once. */
class HibernateIdleTest {

    @Test
    void listenerOnHibernate_staysIdle_soEachWriteIsReportedOnce() {
        RecordingSink sink = new RecordingSink(Post.class);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ChangeSinks.register(loader, sink);          // where the listener would find it
        try (Database db = Database.h2()) {
            Map<String, Object> p = db.properties();
            p.put(TriggerCacheSettings.SINK, sink);   // where the Hibernate source finds it
            EntityManagerFactory emf = Persistence.createEntityManagerFactory("triggercache-jpa-hibernate", p);
            try {
                EntityManager em = emf.createEntityManager();
                em.getTransaction().begin();
                Post post = new Post("once");
                em.persist(post);
                em.getTransaction().commit();
                em.getTransaction().begin();
                em.find(Post.class, post.getId()).setTitle("twice?");
                em.getTransaction().commit();
                em.close();
            } finally {
                emf.close();
            }
        } finally {
            ChangeSinks.unregister(loader, sink);
        }
        assertThat(sink.allTransactionChanges()).extracting(r -> r.event).containsExactly(EntityEvent.INSERT, EntityEvent.UPDATE);
        assertThat(sink.changedNow).isEmpty();
    }
}
