package io.triggercache.hibernate.jta;

import static io.triggercache.EntityEvent.INSERT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.transaction.Transaction;

import io.triggercache.hibernate.Database;
import io.triggercache.hibernate.RecordingSink;
import io.triggercache.hibernate.TriggerCacheSettings;
import io.triggercache.hibernate.entities.Post;

import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read barrier under JTA with a suspended transaction ({@code REQUIRES_NEW}, {@code NOT_SUPPORTED}): only the
 * sessions joined to the thread's current transaction are flushed before a cached read.
 */
class SuspendedTransactionTest {

    final RecordingSink sink = new RecordingSink(Post.class);
    final FakeTransactionManager tm = new FakeTransactionManager();
    Database database;
    EntityManagerFactory emf;

    @BeforeEach
    void open() {
        database = Database.h2();
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put(TriggerCacheSettings.SINK, sink);
        properties.put("jakarta.persistence.transactionType", "JTA");
        properties.put("hibernate.transaction.jta.platform", tm.platform());
        emf = Persistence.createEntityManagerFactory("triggercache-test", properties);
    }

    @AfterEach
    void close() {
        emf.close();
        database.close();
    }

    @Test
    void innerTransaction_readBarrier_leavesTheSuspendedOuterSessionUnflushed() throws Exception {
        tm.begin();
        EntityManager outer = emf.createEntityManager();
        outer.joinTransaction();
        outer.persist(new Post("outer, unflushed"));
        assertThat(outer.unwrap(Session.class).isDirty()).isTrue();

        Transaction suspended = tm.suspend();                                  // REQUIRES_NEW
        tm.begin();
        EntityManager inner = emf.createEntityManager();
        inner.joinTransaction();
        sink.barriers.forEach(b -> b.beforeRead());                            // a cached read in the inner transaction

        assertThat(sink.allTransactionChanges()).as("the outer transaction's insert is not flushed into the inner one").isEmpty();
        assertThat(outer.unwrap(Session.class).isDirty()).isTrue();
        inner.close();
        tm.commit();

        tm.resume(suspended);
        sink.barriers.forEach(b -> b.beforeRead());                            // a cached read back in the outer one
        assertThat(sink.allTransactionChanges()).extracting(c -> c.event).containsExactly(INSERT);
        outer.close();
        tm.commit();
        assertThat(sink.onlyTransaction().completions).containsExactly(true);
    }

    @Test
    void notSupportedRead_doesNotForgetTheSuspendedSession_whichIsFlushedOnceItsTransactionResumes() throws Exception {
        tm.begin();
        EntityManager outer = emf.createEntityManager();
        outer.joinTransaction();
        outer.persist(new Post("outer, unflushed"));

        Transaction suspended = tm.suspend();                                  // NOT_SUPPORTED: no transaction at all
        sink.barriers.forEach(b -> b.beforeRead());                            // a cached read outside any transaction
        assertThat(sink.allTransactionChanges()).as("nothing of the suspended transaction is flushed").isEmpty();
        assertThat(outer.unwrap(Session.class).isDirty()).isTrue();

        tm.resume(suspended);
        sink.barriers.forEach(b -> b.beforeRead());                            // back in the transaction: its own write shows
        assertThat(sink.allTransactionChanges()).extracting(c -> c.event).containsExactly(INSERT);
        outer.close();
        tm.commit();
        assertThat(sink.onlyTransaction().completions).containsExactly(true);
    }
}
