package io.triggercache.hibernate;

import static io.triggercache.EntityEvent.INSERT;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import io.triggercache.hibernate.entities.Comment;
import io.triggercache.hibernate.entities.Post;
import io.triggercache.spi.ChangeSinks;

import org.hibernate.Session;
import org.hibernate.Version;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.api.Test;

/** How the change source is found, switched off and combined with the application's own settings. */
class SettingsTest {

    @Test
    void hibernateVersion_ofThisRun_isTheOneTheBuildChose() {
        assertThat(Version.getVersionString()).isEqualTo(System.getProperty("triggercache.expectedHibernate"));
    }

    @Test
    void sink_registeredInChangeSinksForContextClassLoader_receivesChanges() {
        RecordingSink sink = new RecordingSink(Post.class);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        ClassLoader deployment = new URLClassLoader(new URL[0], previous);
        Thread.currentThread().setContextClassLoader(deployment);
        ChangeSinks.register(deployment, sink);
        try (Database db = Database.h2()) {
            EntityManagerFactory emf = Persistence.createEntityManagerFactory("triggercache-test", db.properties());
            try {
                inTransaction(emf, em -> em.persist(new Post("found through ChangeSinks")));
            } finally {
                emf.close();
            }
        } finally {
            ChangeSinks.unregister(deployment, sink);
            Thread.currentThread().setContextClassLoader(previous);
        }

        assertThat(sink.onlyTransaction().changes).extracting(c -> c.event).containsExactly(INSERT);
        assertThat(sink.onlyTransaction().completions).containsExactly(true);
    }

    @Test
    void sink_noneAnywhere_writesSucceedUnreported() {
        try (Database db = Database.h2()) {
            EntityManagerFactory emf = Persistence.createEntityManagerFactory("triggercache-test", db.properties());
            try {
                inTransaction(emf, em -> em.persist(new Post("nobody listens")));
                inTransaction(emf, em -> em.createQuery("update Post set title = 'still nobody'").executeUpdate());

                EntityManager em = emf.createEntityManager();
                try {
                    assertThat(em.createQuery("select p.title from Post p", String.class).getResultList())
                            .containsExactly("still nobody");
                } finally {
                    em.close();
                }
            } finally {
                emf.close();
            }
        }
    }

    @Test
    void enabledFalse_withSink_reportsNothing() {
        RecordingSink sink = new RecordingSink(Post.class);
        try (Database db = Database.h2()) {
            Map<String, Object> p = new HashMap<>(db.properties());
            p.put(TriggerCacheSettings.SINK, sink);
            p.put(TriggerCacheSettings.ENABLED, "false");
            EntityManagerFactory emf = Persistence.createEntityManagerFactory("triggercache-test", p);
            try {
                inTransaction(emf, em -> em.persist(new Post("switched off")));
                inTransaction(emf, em -> em.createQuery("delete from Post").executeUpdate());
            } finally {
                emf.close();
            }
        }

        assertThat(sink.asked).as("asked once, at start, which mapped classes it watches; never for a write")
                .doesNotHaveDuplicates().contains(Post.class);
        assertThat(sink.transactions).isEmpty();
        assertThat(sink.bulkChangedNow).isEmpty();
    }

    @Test
    void enabledFalse_withSinkWatchingItsEntities_logsAnErrorNamingThemAndTheFix() {
        RecordingSink sink = new RecordingSink(Post.class, Comment.class);
        java.util.List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("io.triggercache.hibernate");
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try (Database db = Database.h2()) {
            Map<String, Object> p = new HashMap<>(db.properties());
            p.put(TriggerCacheSettings.SINK, sink);
            p.put(TriggerCacheSettings.ENABLED, "false");
            Persistence.createEntityManagerFactory("triggercache-test", p).close();
        } finally {
            logger.removeHandler(handler);
        }

        assertThat(records).extracting(java.util.logging.LogRecord::getMessage)
                .filteredOn(m -> m.startsWith("TCHIB007"))
                .singleElement().asString()
                .contains("switched off (io.triggercache.hibernate.enabled=false)")
                .contains(Post.class.getName()).contains(Comment.class.getName()).doesNotContain("entities.Tag")
                .contains("Fix: remove io.triggercache.hibernate.enabled=false");
        assertThat(records).filteredOn(r -> r.getMessage().startsWith("TCHIB007"))
                .extracting(java.util.logging.LogRecord::getLevel).containsExactly(java.util.logging.Level.SEVERE);
    }

    @Test
    void applicationStatementInspector_isStillCalled_andBulkDmlStillReported() {
        RecordingSink sink = new RecordingSink(Post.class);
        CollectingInspector.SEEN.clear();
        try (Database db = Database.h2()) {
            Map<String, Object> p = new HashMap<>(db.properties());
            p.put(TriggerCacheSettings.SINK, sink);
            p.put("hibernate.session_factory.statement_inspector", CollectingInspector.class.getName());
            EntityManagerFactory emf = Persistence.createEntityManagerFactory("triggercache-test", p);
            try {
                inTransaction(emf, em -> em.createQuery("update Post set title = 'inspected'").executeUpdate());
            } finally {
                emf.close();
            }
        }

        assertThat(CollectingInspector.SEEN).anySatisfy(sql -> assertThat(sql).startsWithIgnoringCase("update post"));
        assertThat(sink.onlyTransaction().bulks).containsExactly(Post.class);
    }

    @Test
    void applicationSessionListener_keepsItsSetting_andSessionWritesStillReported() {
        RecordingSink sink = new RecordingSink(Post.class);
        try (Database db = Database.h2()) {
            Map<String, Object> p = new HashMap<>(db.properties());
            p.put(TriggerCacheSettings.SINK, sink);
            p.put("hibernate.session.events.auto", CountingSessionListener.class.getName());
            EntityManagerFactory emf = Persistence.createEntityManagerFactory("triggercache-test", p);
            try {
                inTransaction(emf, em -> {
                    em.persist(new Post("own listener"));
                    assertThat(em.unwrap(Session.class).getSessionFactory().getProperties())
                            .containsEntry("hibernate.session.events.auto", CountingSessionListener.class.getName());
                });
            } finally {
                emf.close();
            }
        }

        assertThat(CountingSessionListener.completions).isPositive();
        assertThat(sink.onlyTransaction().changes).extracting(c -> c.event).containsExactly(INSERT);
        assertThat(sink.onlyTransaction().completions).containsExactly(true);
    }

    static void inTransaction(EntityManagerFactory emf, Consumer<EntityManager> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }

    /** An application's statement inspector, named by class in the settings. */
    public static final class CollectingInspector implements StatementInspector {
        static final List<String> SEEN = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String inspect(String sql) {
            SEEN.add(sql);
            return sql;
        }
    }

    /** An application's automatic session listener. */
    public static final class CountingSessionListener implements org.hibernate.SessionEventListener {
        static volatile int completions;

        @Override
        public void transactionCompletion(boolean successful) {
            completions++;
        }
    }
}
