package io.triggercache.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import io.triggercache.Change;
import io.triggercache.hibernate.entities.LockedNote;
import io.triggercache.hibernate.entities.Note;
import io.triggercache.spi.ChangeSink;
import io.triggercache.spi.TransactionChanges;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The source applies a transaction's drops from {@code SessionEventListener.transactionCompletion}. These tests show
 * that Hibernate has already updated or evicted the second-level cache then ({@code ActionQueue
 * .afterTransactionCompletion} runs first): a reader that starts at the moment of the drop, in another session on
 * another thread, reads the committed state, not the old cached one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondLevelCacheOrderTest {

    /** What a reader started inside {@code completed(true)} read, per committed transaction. */
    final List<String> readAtDrop = Collections.synchronizedList(new ArrayList<>());
    volatile Function<EntityManager, String> reader;

    Database database;
    EntityManagerFactory emf;

    @BeforeAll
    void createFactory() {
        database = Database.h2();
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put(TriggerCacheSettings.SINK, new ReadingAtDropSink());
        emf = Persistence.createEntityManagerFactory("triggercache-2lc", properties);
    }

    @AfterAll
    void closeFactory() {
        if (emf != null) {
            emf.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void nonstrictReadWrite_updateCommitted_readerAtTheDropMissesTheEvictedEntryAndReadsTheNewState() {
        inTx(em -> em.persist(new Note(1L, "old")));
        assertThat(cachedRead(em -> em.find(Note.class, 1L).getText())).isEqualTo("old");   // 2LC filled
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.clear();
        readAtDrop.clear();
        reader = em -> em.find(Note.class, 1L).getText();

        inTx(em -> em.find(Note.class, 1L).setText("new"));                                  // 2LC hit, then update

        assertThat(readAtDrop).containsExactly("new");
        assertThat(stats.getSecondLevelCacheHitCount()).as("only the writer's own load was a 2LC hit").isEqualTo(1);
    }

    @Test
    void readWrite_updateCommitted_readerAtTheDropReadsTheNewStateFromTheCache() {
        inTx(em -> em.persist(new LockedNote(2L, "old")));
        assertThat(cachedRead(em -> em.find(LockedNote.class, 2L).getText())).isEqualTo("old");
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.clear();
        readAtDrop.clear();
        reader = em -> em.find(LockedNote.class, 2L).getText();

        inTx(em -> em.find(LockedNote.class, 2L).setText("new"));

        assertThat(readAtDrop).containsExactly("new");
        assertThat(stats.getSecondLevelCacheHitCount())
                .as("the writer's load and the reader's: the entry was unlocked and holds the new state at the drop")
                .isEqualTo(2);
    }

    @Test
    void nonstrictReadWrite_deleteCommitted_readerAtTheDropFindsNothing() {
        inTx(em -> em.persist(new Note(3L, "doomed")));
        assertThat(cachedRead(em -> em.find(Note.class, 3L).getText())).isEqualTo("doomed");
        readAtDrop.clear();
        reader = em -> {
            Note n = em.find(Note.class, 3L);
            return n == null ? "gone" : n.getText();
        };

        inTx(em -> em.remove(em.find(Note.class, 3L)));

        assertThat(readAtDrop).containsExactly("gone");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    String cachedRead(Function<EntityManager, String> read) {
        EntityManager em = emf.createEntityManager();
        try {
            return read.apply(em);
        } finally {
            em.close();
        }
    }

    void inTx(java.util.function.Consumer<EntityManager> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            reader = null;
            em.close();
        }
    }

    /** A sink whose transactions, when completed as committed, run {@link #reader} on another thread and record it. */
    final class ReadingAtDropSink implements ChangeSink {
        @Override
        public boolean watches(Class<?> type) {
            return true;
        }

        @Override
        public TransactionChanges transaction(Object transactionKey) {
            return new TransactionChanges() {
                @Override
                public void add(Change change) {
                }

                @Override
                public void addBulk(Class<?> type) {
                }

                @Override
                public void completed(boolean committed) {
                    Function<EntityManager, String> r = reader;
                    if (committed && r != null) {
                        try {
                            readAtDrop.add(CompletableFuture.supplyAsync(() -> cachedRead(r)).get(30, TimeUnit.SECONDS));
                        } catch (Exception e) {
                            readAtDrop.add("failed: " + e);
                        }
                    }
                }
            };
        }

        @Override
        public void changedNow(Change change) {
        }

        @Override
        public void bulkChangedNow(Class<?> type) {
        }
    }
}
