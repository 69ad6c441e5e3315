package io.triggercache.hibernate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Where a test's session factory keeps its tables: an H2 in-memory database, or a fresh PostgreSQL schema. */
public abstract class Database implements AutoCloseable {

    /** The JDBC settings for {@code Persistence.createEntityManagerFactory}. */
    public abstract Map<String, Object> properties();

    @Override
    public void close() {
    }

    public static Database h2() {
        return new H2();
    }

    /** PostgreSQL at 127.0.0.1:5432, database {@code test}, user {@code postgres}; one new schema per call. */
    public static Database postgres() {
        return new Postgres();
    }

    private static final class H2 extends Database {
        private static final AtomicInteger COUNTER = new AtomicInteger();
        private final String url = "jdbc:h2:mem:triggercache" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1";

        @Override
        public Map<String, Object> properties() {
            Map<String, Object> p = new HashMap<>();
            p.put("jakarta.persistence.jdbc.url", url);
            p.put("jakarta.persistence.jdbc.user", "sa");
            p.put("jakarta.persistence.jdbc.password", "");
            return p;
        }

        @Override
        public void close() {
            try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
                s.execute("shutdown");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final class Postgres extends Database {
        private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
        private final String schema = "tc_hib_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

        Postgres() {
            execute("create schema " + schema);
        }

        @Override
        public Map<String, Object> properties() {
            Map<String, Object> p = new HashMap<>();
            p.put("jakarta.persistence.jdbc.url", URL + "?currentSchema=" + schema);
            p.put("jakarta.persistence.jdbc.user", "postgres");
            p.put("jakarta.persistence.jdbc.password", "");
            p.put("hibernate.default_schema", schema);
            return p;
        }

        @Override
        public void close() {
            execute("drop schema " + schema + " cascade");
        }

        private static void execute(String sql) {
            try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        }
    }
}
