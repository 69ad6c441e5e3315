package io.triggercache.hibernate;

import static io.triggercache.EntityEvent.INSERT;
import static io.triggercache.EntityEvent.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import io.triggercache.hibernate.entities.Comment;
import io.triggercache.hibernate.entities.Post;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/** A {@code Session} writing in auto-commit mode ({@code hibernate.allow_update_outside_transaction}). */
class OutsideTransactionTest {

    @Test
    void sessionFlush_outsideTransaction_reportsChangedNow() {
        RecordingSink sink = new RecordingSink(Post.class);
        try (Database db = Database.h2()) {
            Map<String, Object> p = new HashMap<>(db.properties());
            p.put(TriggerCacheSettings.SINK, sink);
            p.put("hibernate.allow_update_outside_transaction", "true");
            p.put("hibernate.connection.autocommit", "true");
            EntityManagerFactory emf = Persistence.createEntityManagerFactory("triggercache-test", p);
            try (Session session = emf.unwrap(SessionFactory.class).openSession()) {
                Post post = new Post("auto-commit");
                session.persist(post);
                session.flush();
                post.setTitle("auto-commit, edited");
                session.flush();

                assertThat(sink.changedNow).extracting(c -> c.type, c -> c.event, c -> c.id)
                        .containsExactly(tuple(Post.class, INSERT, post.getId()), tuple(Post.class, UPDATE, post.getId()));
                assertThat(sink.changedNow.get(1).dirty).containsExactly("title");

                session.createMutationQuery("update Comment set text = 'bulk, auto-commit'").executeUpdate();
                session.createMutationQuery("update Post set title = 'bulk, auto-commit'").executeUpdate();
                assertThat(sink.bulkChangedNow).contains(Post.class).doesNotContain(Comment.class);
            } finally {
                emf.close();
            }
        }
        assertThat(sink.transactions).allSatisfy(tx -> assertThat(tx.changes).isEmpty());
    }
}
