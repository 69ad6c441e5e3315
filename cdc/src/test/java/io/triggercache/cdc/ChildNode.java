package io.triggercache.cdc;

import io.triggercache.Change;
import io.triggercache.spi.ChangeSink;
import io.triggercache.spi.TransactionChanges;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A consuming node in its own JVM, for the takeover test to kill with SIGKILL: Hibernate's metamodel, the capture
 * under the consumer lock, and a sink that appends the id of every captured comment change to a file.
 * Arguments: slot, publication, lock key, offsets file, ids file. Prints {@code CONSUMING} once it captures.
 */
public final class ChildNode {

    private ChildNode() {
    }

    public static void main(String[] args) throws Exception {
        String slot = args[0];
        String publication = args[1];
        long lock = Long.parseLong(args[2]);
        Path offsets = Path.of(args[3]);
        Path ids = Path.of(args[4]);
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("cdc", Map.of(
                "jakarta.persistence.jdbc.url", CdcJpa.URL + "?currentSchema=cdc", "jakarta.persistence.jdbc.user", "postgres",
                "jakarta.persistence.jdbc.password", "", "hibernate.default_schema", "cdc",
                "jakarta.persistence.schema-generation.database.action", "none", "io.triggercache.hibernate.enabled", "false"));
        TriggerCacheCdc cdc = TriggerCacheCdc.builder().sessionFactory(emf).sink(new FileSink(ids))
                .jdbc("127.0.0.1", 5432, "test", "postgres").slot(slot).publication(publication).schemas("cdc")
                .consumerLock(lock, Duration.ofMillis(200)).node("child").offsets(offsets).start();
        while (!cdc.isConsuming()) {
            Thread.onSpinWait();
        }
        System.out.println("CONSUMING");
        System.out.flush();
        Thread.currentThread().join();   // until killed
    }

    /** Appends the ids of captured comment changes to a file, one per line, once their transaction is applied. */
    static final class FileSink implements ChangeSink {
        private final Path file;

        FileSink(Path file) {
            this.file = file;
        }

        @Override
        public boolean watches(Class<?> type) {
            return type == CdcComment.class;
        }

        @Override
        public TransactionChanges transaction(Object key) {
            List<Object> seen = new ArrayList<>();
            return new TransactionChanges() {
                @Override
                public void add(Change change) {
                    seen.add(change.id());
                }

                @Override
                public void addBulk(Class<?> type) {
                }

                @Override
                public void completed(boolean committed) {
                    StringBuilder sb = new StringBuilder();
                    for (Object id : seen) {
                        sb.append(id).append('\n');
                    }
                    try {
                        Files.writeString(file, sb, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        }

        @Override
        public void changedNow(Change change) {
            transaction(change).add(change);
        }

        @Override
        public void bulkChangedNow(Class<?> type) {
        }
    }
}
