package io.triggercache.cdc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.triggercache.cdc.internal.Capture;
import io.triggercache.cdc.internal.ConsumerLock;
import io.triggercache.cdc.internal.Log;
import io.triggercache.cdc.internal.ReplicaIdentities;
import io.triggercache.cdc.internal.RowMapper;
import io.triggercache.cdc.internal.TableMap;
import io.triggercache.spi.ChangeSink;

import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Change data capture for triggercache: a running Debezium embedded engine that reads PostgreSQL's logical replication
 * ({@code pgoutput}) and reports every captured row change, mapped through the Hibernate metamodel to an entity change,
 * to the deployment's {@link ChangeSink}, so that writes made outside the application (psql, plain JDBC, other
 * services) drop the groups the application's own triggers name.
 *
 * <pre>{@code
 * try (TriggerCacheCdc cdc = TriggerCacheCdc.builder()
 *         .sessionFactory(entityManagerFactory)
 *         .sink(changeSink)                          // @Inject ChangeSink
 *         .jdbc("127.0.0.1", 5432, "shop", "postgres")
 *         .slot("triggercache").publication("triggercache")
 *         .offsets(Path.of("/var/lib/app/cdc-offsets.dat"))
 *         .start()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Each row change is reported after the database committed it, one sink transaction per database transaction;
 * rows of one entity in one transaction (secondary tables, a joined hierarchy) are merged when they arrive in one batch.
 * Where a row does not carry what a trigger needs, the change says {@link io.triggercache.Change#UNKNOWN} and the
 * engine drops every group of the trigger's method (see docs/cdc.md). Offsets are stored in the given file: a restart
 * resumes after the last change processed; a change is reported at least once.
 *
 * <p>Thread-safe; {@link #close()} is idempotent.
 */
public final class TriggerCacheCdc implements AutoCloseable {

    private final Properties properties;
    private final RowMapper mapper;
    private final String name;
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong changes = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile Capture capture;
    /** With a consumer lock: the thread that takes it, watches it, and runs the capture while it is held. */
    private final Thread coordinator;
    private volatile boolean closed;

    private TriggerCacheCdc(Builder b) throws InterruptedException {
        SessionFactoryImplementor factory = b.factory;
        TableMap tables = new TableMap(factory);
        String url = "jdbc:postgresql://" + b.host + ":" + b.port + "/" + b.database;
        String password = b.password == null ? "" : b.password;
        ReplicaIdentities identities = new ReplicaIdentities(url, b.user, password);
        Map<String, List<Class<?>>> unmapped = new HashMap<>(b.unmapped);
        this.mapper = new RowMapper(tables, b.sink, identities, unmapped::get);
        this.name = "triggercache-cdc-" + b.slot + (b.node == null ? "" : "-" + b.node);

        Properties p = new Properties();
        p.setProperty("name", "triggercache-cdc-" + b.slot);
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("database.hostname", b.host);
        p.setProperty("database.port", Integer.toString(b.port));
        p.setProperty("database.user", b.user);
        p.setProperty("database.password", password);
        p.setProperty("database.dbname", b.database);
        p.setProperty("topic.prefix", "triggercache_" + b.slot);
        p.setProperty("slot.name", b.slot);
        p.setProperty("publication.name", b.publication);
        p.setProperty("snapshot.mode", "no_data");
        p.setProperty("tombstones.on.delete", "false");
        // BEGIN and END markers: the rows of one transaction are reported together, once it is complete
        p.setProperty("provide.transaction.metadata", "true");
        p.setProperty("decimal.handling.mode", "precise");
        p.setProperty("time.precision.mode", "adaptive_time_microseconds");
        p.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
        p.setProperty("offset.storage.file.filename", b.offsets.toString());
        p.setProperty("offset.flush.interval.ms", "1000");
        // the queue hands over what it has after this long: the floor of the outside-commit-to-drop latency
        p.setProperty("poll.interval.ms", "5");
        // a slot still held by a consumer that just died (its walsender not yet gone): retry soon, for a while
        p.setProperty("slot.retry.delay.ms", "500");
        p.setProperty("slot.max.retries", "60");
        if (b.schemas.isEmpty()) {
            p.setProperty("publication.autocreate.mode", "all_tables");
        } else {
            p.setProperty("publication.autocreate.mode", "filtered");
            p.setProperty("schema.include.list", String.join(",", b.schemas));
        }
        p.putAll(b.extra);
        this.properties = p;

        if (b.lockKey == null) {
            coordinator = null;
            Capture c = new Capture(properties, mapper, rows, changes, name);
            Throwable error = c.awaitStarted(b.startTimeout.toMillis());
            if (error != null) {
                c.close();
                throw new IllegalStateException("TCCDC004 change capture failed to start: " + error, error);
            }
            capture = c;
        } else {
            ConsumerLock lock = new ConsumerLock(url, b.user, password, b.lockKey, name + "-lock");
            CountDownLatch firstAttempt = new CountDownLatch(1);
            long retry = b.lockRetry.toMillis();
            long startTimeout = b.startTimeout.toMillis();
            coordinator = new Thread(() -> coordinate(lock, firstAttempt, retry, startTimeout), name + "-lock");
            coordinator.setDaemon(true);
            coordinator.start();
            firstAttempt.await(startTimeout + 5_000, TimeUnit.MILLISECONDS);
        }
        Log.info("TCCDC005 " + (isConsuming() ? "capturing" : "standing by to capture") + " changes from " + url + " through slot "
                + b.slot + " and publication " + b.publication + " (" + tables.tables().size() + " table names mapped)"
                + (b.lockKey == null ? "" : ", consumer lock " + b.lockKey));
    }

    /** Takes the lock when free, runs the capture while it is held, stops the capture as soon as it is lost. */
    private void coordinate(ConsumerLock lock, CountDownLatch firstAttempt, long retry, long startTimeout) {
        Capture starting = null;
        try {
            while (!closed) {
                Capture c = capture;
                if (c == null) {
                    if (lock.tryAcquire()) {
                        starting = new Capture(properties, mapper, rows, changes, name);
                        Throwable error = starting.awaitStarted(startTimeout);
                        if (error == null && lock.stillHeld() && !closed) {
                            capture = starting;
                            Log.info("TCCDC042 " + name + " took the consumer lock and captures");
                        } else {
                            starting.close();
                            failure.set(error);
                            lock.close();
                            Log.debug(() -> "TCCDC043 " + name + " could not start capturing: " + error);
                        }
                        starting = null;
                    }
                } else if (!lock.stillHeld() || !c.isRunning()) {
                    // the database ended our session (or the capture stopped): another node may be consuming now
                    capture = null;
                    c.close();
                    lock.close();
                    Log.info("TCCDC044 " + name + " lost the consumer lock (or its capture stopped) and stands by");
                    continue;
                }
                firstAttempt.countDown();
                Thread.sleep(retry);
            }
        } catch (InterruptedException e) {
            // close() interrupts: stop below, with the flag clear so that the engine can shut down cleanly
        } finally {
            firstAttempt.countDown();
            if (starting != null) {
                starting.close();
            }
            Capture c = capture;
            capture = null;
            if (c != null) {
                c.close();
            }
            lock.close();
        }
    }

    /** A builder of a capture. */
    public static Builder builder() {
        return new Builder();
    }

    /** The captured rows processed so far (every row, mapped or not), counted once their changes have been reported. */
    public long rowsProcessed() {
        return rows.get();
    }

    /** The entity changes reported to the sink so far. */
    public long changesReported() {
        return changes.get();
    }

    /** Whether this node runs the capture now (without a consumer lock: until closed or stopped by an error). */
    public boolean isConsuming() {
        Capture c = capture;
        return c != null && c.isRunning();
    }

    /** Whether the capture runs; same as {@link #isConsuming()}. */
    public boolean isRunning() {
        return isConsuming();
    }

    /** The error that stopped (or kept from starting) the capture, if one did. */
    public Throwable failure() {
        Capture c = capture;
        return c != null && c.failure() != null ? c.failure() : failure.get();
    }

    /**
     * Stops capturing: the engine commits the offsets of what it processed and releases the slot (which stays, so that
     * the next start resumes), and the consumer lock, if any, is released. Waits up to 30 s for the engine to stop.
     */
    @Override
    public void close() {
        closed = true;
        if (coordinator != null) {
            coordinator.interrupt();
            try {
                coordinator.join(35_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            Capture c = capture;
            if (c != null) {
                c.close();
            }
        }
    }

    /** Configures and starts a {@link TriggerCacheCdc}. Not thread-safe. */
    public static final class Builder {
        private SessionFactoryImplementor factory;
        private ChangeSink sink;
        private String host;
        private int port = 5432;
        private String database;
        private String user;
        private String password;
        private String slot = "triggercache";
        private String publication = "triggercache";
        private Path offsets;
        private final List<String> schemas = new ArrayList<>();
        private final Map<String, List<Class<?>>> unmapped = new HashMap<>();
        private final Properties extra = new Properties();
        private java.time.Duration startTimeout = java.time.Duration.ofSeconds(60);
        private Long lockKey;
        private java.time.Duration lockRetry = java.time.Duration.ofSeconds(1);
        private String node;

        private Builder() {
        }

        /** The persistence unit whose mapping reads the rows: a Hibernate {@code SessionFactory} or a JPA {@code EntityManagerFactory} of Hibernate. */
        public Builder sessionFactory(Object sessionFactoryOrEntityManagerFactory) {
            Object f = Objects.requireNonNull(sessionFactoryOrEntityManagerFactory, "sessionFactory");
            if (f instanceof SessionFactoryImplementor sfi) {
                this.factory = sfi;
            } else if (f instanceof jakarta.persistence.EntityManagerFactory emf) {
                this.factory = emf.unwrap(SessionFactoryImplementor.class);
            } else {
                throw new IllegalArgumentException("not a Hibernate SessionFactory or EntityManagerFactory: " + f.getClass().getName());
            }
            return this;
        }

        /** The deployment's change sink (the triggercache engine: {@code @Inject ChangeSink}). */
        public Builder sink(ChangeSink sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** The PostgreSQL server; the user needs the REPLICATION attribute (and to own the tables, for the publication). */
        public Builder jdbc(String host, int port, String database, String user) {
            this.host = Objects.requireNonNull(host);
            this.port = port;
            this.database = Objects.requireNonNull(database);
            this.user = Objects.requireNonNull(user);
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** The replication slot (created on first start, kept across restarts: drop it when retiring the application). Default {@code triggercache}. */
        public Builder slot(String name) {
            this.slot = Objects.requireNonNull(name);
            return this;
        }

        /** The publication (created on first start if missing). Default {@code triggercache}. */
        public Builder publication(String name) {
            this.publication = Objects.requireNonNull(name);
            return this;
        }

        /** The file the offsets are stored in (Debezium's {@code FileOffsetBackingStore}). Required. */
        public Builder offsets(Path file) {
            this.offsets = Objects.requireNonNull(file);
            return this;
        }

        /**
         * Captures only these schemas (the publication is created for their tables). Without it, the publication covers
         * all tables ({@code FOR ALL TABLES}, which needs a superuser).
         */
        public Builder schemas(String... schemas) {
            this.schemas.addAll(List.of(schemas));
            return this;
        }

        /**
         * A table no entity maps whose writes should drop every method with a trigger on {@code types} (as bulk DML
         * does). {@code table} is {@code schema.table} or {@code table}.
         */
        public Builder unmappedTable(String table, Class<?>... types) {
            unmapped.put(table.toLowerCase(java.util.Locale.ROOT), List.of(types));
            return this;
        }

        /** A Debezium connector or engine property, overriding the builder's (for example {@code heartbeat.interval.ms}). */
        public Builder property(String key, String value) {
            extra.setProperty(key, value);
            return this;
        }

        /**
         * Makes this one of several nodes of which exactly one consumes the slot: the one holding the PostgreSQL advisory
         * lock {@code key} (session level, on a dedicated connection). The others try to take it every
         * {@code retry}; when the holder dies its session ends, the lock is free, and another node starts capturing
         * from where the slot was confirmed (no change is lost; some may be reported twice). A node that loses its
         * lock session stops capturing at once.
         */
        public Builder consumerLock(long key, java.time.Duration retry) {
            this.lockKey = key;
            this.lockRetry = Objects.requireNonNull(retry);
            return this;
        }

        /** This node's name, in thread names and log lines. */
        public Builder node(String name) {
            this.node = Objects.requireNonNull(name);
            return this;
        }

        /** How long {@link #start()} waits for the engine to stream. Default 60 s. */
        public Builder startTimeout(java.time.Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /**
         * Starts the engine and returns once it streams (the slot exists: later commits will be seen). With a
         * {@linkplain #consumerLock consumer lock}, returns after the first attempt to take it: capturing, or standing by.
         *
         * @throws IllegalStateException if it could not start in time or failed
         */
        public TriggerCacheCdc start() {
            Objects.requireNonNull(factory, "sessionFactory");
            Objects.requireNonNull(sink, "sink");
            Objects.requireNonNull(host, "jdbc");
            Objects.requireNonNull(offsets, "offsets");
            try {
                if (offsets.getParent() != null) {
                    Files.createDirectories(offsets.getParent());
                }
                return new TriggerCacheCdc(this);
            } catch (IOException e) {
                throw new IllegalStateException("TCCDC007 cannot create the offsets directory of " + offsets, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("TCCDC008 interrupted while starting", e);
            }
        }
    }
}
