package io.triggercache.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.EntityEvent;
import io.triggercache.hibernate.Database;
import io.triggercache.hibernate.RecordingSink;
import io.triggercache.hibernate.RecordingSink.Recorded;
import io.triggercache.hibernate.entities.Comment;
import io.triggercache.hibernate.entities.Post;
import io.triggercache.hibernate.entities.Tag;
import io.triggercache.spi.ChangeSinks;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.naming.Context;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The portable source on EclipseLink, registered through {@code META-INF/triggercache-orm.xml} as users do. The JTA
 * transaction is a {@link FakeRegistry} the test begins and ends around EclipseLink's resource-local transaction, in
 * the order a container does: the provider flushes (the callbacks fire), the database commits, then the
 * synchronizations learn the outcome.
 */
class EclipseLinkListenerTest {

    private static String previousFactory;

    private final RecordingSink sink = new RecordingSink(Post.class, Comment.class);
    private final FakeRegistry registry = new FakeRegistry();
    private Database db;
    private EntityManagerFactory emf;

    @BeforeAll
    static void jndi() {
        previousFactory = System.getProperty(Context.INITIAL_CONTEXT_FACTORY);
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, FakeRegistry.Jndi.class.getName());
    }

    @AfterAll
    static void restoreJndi() {
        if (previousFactory == null) {
            System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        } else {
            System.setProperty(Context.INITIAL_CONTEXT_FACTORY, previousFactory);
        }
    }

    @BeforeEach
    void open() {
        FakeRegistry.current = registry;
        ChangeSinks.register(Thread.currentThread().getContextClassLoader(), sink);
        db = Database.h2();
        emf = Persistence.createEntityManagerFactory("triggercache-jpa-eclipselink", db.properties());
    }

    @AfterEach
    void close() {
        emf.close();
        db.close();
        ChangeSinks.unregister(Thread.currentThread().getContextClassLoader(), sink);
        FakeRegistry.current = null;
    }

    private <T> T jta(boolean commit, Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            registry.begin();
            em.getTransaction().begin();
            T result = work.apply(em);
            if (commit) {
                em.getTransaction().commit();
            } else {
                em.flush();
                em.getTransaction().rollback();
            }
            registry.end(commit);
            return result;
        } finally {
            em.close();
        }
    }

    private void committed(Consumer<EntityManager> work) {
        jta(true, em -> {
            work.accept(em);
            return null;
        });
    }

    private long[] seedPostsWithComment() {
        return jta(true, em -> {
            Post p1 = new Post("one");
            Post p2 = new Post("two");
            em.persist(p1);
            em.persist(p2);
            Comment c = new Comment("hello", p1);
            em.persist(c);
            em.flush();
            return new long[] {p1.getId(), p2.getId(), c.getId()};
        });
    }

    @Test
    void persist_inJtaTransaction_isPendingUntilCommit_thenCompletedAsCommitted() {
        long[] ids = seedPostsWithComment();

        RecordingSink.Tx tx = sink.onlyTransaction();
        assertThat(tx.key).isEqualTo("tx-1");
        assertThat(tx.completions).containsExactly(true);
        assertThat(tx.changes).extracting(r -> r.event).containsOnly(EntityEvent.INSERT);
        Recorded comment = tx.changes.stream().filter(r -> r.type == Comment.class).findFirst().orElseThrow();
        assertThat(comment.id).isEqualTo(ids[2]);
        assertThat(comment.before).isNull();
        assertThat(((Post) comment.after.get("post")).getId()).isEqualTo(ids[0]);
        assertThat(comment.afterObject).isInstanceOf(Comment.class);
        assertThat(comment.dirty).containsExactlyInAnyOrder("id", "text", "post");
        assertThat(sink.changedNow).isEmpty();
    }

    @Test
    void update_ofALoadedEntity_carriesTheLoadedStateAsBefore_andOnlyTheChangedPropertyAsDirty() {
        long[] ids = seedPostsWithComment();
        sink.clear();

        committed(em -> em.find(Post.class, ids[0]).setTitle("one, edited"));

        Recorded update = sink.onlyTransaction().changes.get(0);
        assertThat(update.event).isEqualTo(EntityEvent.UPDATE);
        assertThat(update.type).isEqualTo(Post.class);
        assertThat(update.before.get("title")).isEqualTo("one");
        assertThat(update.after.get("title")).isEqualTo("one, edited");
        assertThat(update.beforeObject).isNull();
        // collections count as changed: their old contents are not kept
        assertThat(update.dirty).containsExactlyInAnyOrder("title", "tags");
        assertThat(sink.onlyTransaction().completions).containsExactly(true);
    }

    @Test
    void moveOfACommentToAnotherPost_carriesBothPosts() {
        long[] ids = seedPostsWithComment();
        sink.clear();

        committed(em -> em.find(Comment.class, ids[2]).setPost(em.find(Post.class, ids[1])));

        Recorded move = sink.onlyTransaction().changes.get(0);
        assertThat(move.event).isEqualTo(EntityEvent.UPDATE);
        assertThat(((Post) move.before.get("post")).getId()).isEqualTo(ids[0]);
        assertThat(((Post) move.after.get("post")).getId()).isEqualTo(ids[1]);
        assertThat(move.dirty).containsExactly("post");
    }

    @Test
    void twoUpdatesInTwoFlushes_secondCarriesTheFirstFlushedStateAsBefore() {
        long[] ids = seedPostsWithComment();
        sink.clear();

        committed(em -> {
            Post p = em.find(Post.class, ids[0]);
            p.setTitle("first");
            em.flush();
            p.setTitle("second");
        });

        List<Recorded> changes = sink.onlyTransaction().changes;
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1).before.get("title")).isEqualTo("first");
        assertThat(changes.get(1).after.get("title")).isEqualTo("second");
    }

    @Test
    void remove_carriesTheStateAtDeletion() {
        long[] ids = seedPostsWithComment();
        sink.clear();

        committed(em -> em.remove(em.find(Comment.class, ids[2])));

        Recorded delete = sink.onlyTransaction().changes.get(0);
        assertThat(delete.event).isEqualTo(EntityEvent.DELETE);
        assertThat(delete.id).isEqualTo(ids[2]);
        assertThat(delete.after).isNull();
        assertThat(delete.before.get("text")).isEqualTo("hello");
        assertThat(((Post) delete.before.get("post")).getId()).isEqualTo(ids[0]);
    }

    @Test
    void moveThenRemoveInOneFlush_reportsTheMoveThenTheDelete_soBothPostsAreNamed() {
        long[] ids = seedPostsWithComment();
        sink.clear();

        committed(em -> {
            Comment c = em.find(Comment.class, ids[2]);
            c.setPost(em.find(Post.class, ids[1]));
            em.remove(c);
        });

        // EclipseLink calls @PostUpdate for the move, then @PostRemove
        List<Recorded> changes = sink.onlyTransaction().changes;
        assertThat(changes).extracting(r -> r.event).containsExactly(EntityEvent.UPDATE, EntityEvent.DELETE);
        assertThat(((Post) changes.get(0).before.get("post")).getId()).isEqualTo(ids[0]);
        assertThat(((Post) changes.get(0).after.get("post")).getId()).isEqualTo(ids[1]);
        assertThat(((Post) changes.get(1).before.get("post")).getId()).isEqualTo(ids[1]);
    }

    @Test
    void tagAddedToAPost_isAnUpdateOfThePost_withTheCollectionDirty() {
        long[] ids = seedPostsWithComment();
        long tag = jta(true, em -> {
            Tag t = new Tag("java");
            em.persist(t);
            em.flush();
            return t.getId();
        });
        sink.clear();

        committed(em -> em.find(Post.class, ids[0]).getTags().add(em.find(Tag.class, tag)));

        // EclipseLink calls @PostUpdate on the owner of a changed many-to-many, though no column of its row changed
        Recorded update = sink.onlyTransaction().changes.get(0);
        assertThat(update.event).isEqualTo(EntityEvent.UPDATE);
        assertThat(update.type).isEqualTo(Post.class);
        assertThat(update.dirty).containsExactly("tags");
    }

    @Test
    void rollback_completesTheChangesAsNotCommitted() {
        long[] ids = seedPostsWithComment();
        sink.clear();

        jta(false, em -> {
            em.find(Post.class, ids[0]).setTitle("never");
            return null;
        });

        RecordingSink.Tx tx = sink.onlyTransaction();
        assertThat(tx.changes).extracting(r -> r.event).containsExactly(EntityEvent.UPDATE);
        assertThat(tx.completions).containsExactly(false);
    }

    @Test
    void severalChangesInOneTransaction_registerOneSynchronization() {
        long[] ids = seedPostsWithComment();
        sink.clear();

        EntityManager em = emf.createEntityManager();
        try {
            registry.begin();
            em.getTransaction().begin();
            em.find(Post.class, ids[0]).setTitle("a");
            em.find(Post.class, ids[1]).setTitle("b");
            em.persist(new Comment("c", em.find(Post.class, ids[1])));
            em.flush();
            assertThat(registry.synchronizations()).isEqualTo(1);
            em.getTransaction().commit();
            registry.end(true);
        } finally {
            em.close();
        }
        assertThat(sink.onlyTransaction().changes).hasSize(3);
    }

    @Test
    void outsideATransaction_changesAreAppliedAtOnce() {
        long[] ids = seedPostsWithComment();
        sink.clear();

        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();         // resource-local only: the registry has no transaction
            em.find(Post.class, ids[0]).setTitle("now");
            em.getTransaction().commit();
        } finally {
            em.close();
        }

        assertThat(sink.transactions).isEmpty();
        assertThat(sink.changedNow).extracting(r -> r.event).containsExactly(EntityEvent.UPDATE);
        assertThat(sink.changedNow.get(0).before.get("title")).isEqualTo("one");
    }

    @Test
    void unwatchedType_isAskedButNotReported() {
        sink.clear();
        committed(em -> em.persist(new Tag("java")));

        assertThat(sink.asked).contains(Tag.class);
        assertThat(sink.transactions).isEmpty();
        assertThat(sink.changedNow).isEmpty();
    }

    @Test
    void unknownProperty_namesTheKnownOnes() {
        seedPostsWithComment();
        Recorded comment = sink.onlyTransaction().changes.stream().filter(r -> r.type == Comment.class).findFirst().orElseThrow();
        assertThat(comment.unknownPropertyMessage).isEqualTo("Comment has no persistent property \"noSuchProperty\" (known: id, post, text)");
    }

    @Test
    void bulkChanged_inATransaction_isPending_andOutsideOne_appliedAtOnce() {
        registry.begin();
        JpaChanges.bulkChanged(Post.class);
        JpaChanges.bulkChanged(Tag.class);
        registry.end(true);
        JpaChanges.bulkChanged(Comment.class);

        RecordingSink.Tx tx = sink.onlyTransaction();
        assertThat(tx.bulks).containsExactly(Post.class);
        assertThat(tx.completions).containsExactly(true);
        assertThat(sink.bulkChangedNow).containsExactly(Comment.class);
    }
}
