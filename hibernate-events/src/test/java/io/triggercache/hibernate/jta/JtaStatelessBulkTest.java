package io.triggercache.hibernate.jta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import io.triggercache.hibernate.Database;
import io.triggercache.hibernate.RecordingSink;
import io.triggercache.hibernate.TriggerCacheSettings;
import io.triggercache.hibernate.entities.Post;

import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bulk DML through a {@code StatelessSession} inside a JTA transaction (issue 10, point 2): pending until the
 * transaction completes, never applied at once; nothing on rollback.
 */
class JtaStatelessBulkTest {

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
        properties.put("hibernate.allow_update_outside_transaction", "true");   // for the auto-commit case
        emf = Persistence.createEntityManagerFactory("triggercache-test", properties);
    }

    @AfterEach
    void close() {
        emf.close();
        database.close();
    }

    @Test
    void statelessBulkUpdate_inJtaTransaction_isPendingUntilTheCommit() throws Exception {
        tm.begin();
        try (StatelessSession s = emf.unwrap(SessionFactory.class).openStatelessSession()) {
            s.createMutationQuery("update Post set title = 'bulk'").executeUpdate();

            assertThat(sink.bulkChangedNow).as("nothing applied before the commit").isEmpty();
            tm.commit();
        }

        assertThat(sink.bulkChangedNow).isEmpty();
        assertThat(sink.transactions).flatExtracting(tx -> tx.bulks).containsExactly(Post.class);
        assertThat(sink.transactions).allSatisfy(tx -> assertThat(tx.completions).containsExactly(true));
    }

    @Test
    void statelessBulkUpdate_inJtaTransactionRolledBack_dropsNothing() throws Exception {
        tm.begin();
        try (StatelessSession s = emf.unwrap(SessionFactory.class).openStatelessSession()) {
            s.createMutationQuery("update Post set title = 'bulk'").executeUpdate();
            tm.rollback();
        }

        assertThat(sink.bulkChangedNow).isEmpty();
        assertThat(sink.transactions).allSatisfy(tx -> assertThat(tx.completions).containsExactly(false));
    }

    @Test
    void statelessBulkUpdate_withoutJtaTransaction_isAppliedAtOnce() {
        try (StatelessSession s = emf.unwrap(SessionFactory.class).openStatelessSession()) {
            s.createMutationQuery("update Post set title = 'bulk'").executeUpdate();

            assertThat(sink.bulkChangedNow).as("auto-commit: applied at once").containsExactly(Post.class);
        }
    }
}
