package io.triggercache.benchmarks.support;

import io.triggercache.benchmarks.model.Author;
import io.triggercache.benchmarks.model.Comment;
import io.triggercache.benchmarks.model.Post;
import io.triggercache.benchmarks.model.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * The databases B4 and B5 run on: H2 in memory (default), and the PostgreSQL server on 127.0.0.1:5432
 * (database {@code test}, user {@code postgres}, trust authentication) when the module was built with
 * {@code -Pservices}. On PostgreSQL every data set lives in a schema of its own, dropped on close, so the
 * benchmarks never touch the tables of other tests sharing the server.
 */
public enum Database {

    H2, POSTGRES;

    /**
     * The databases to run on: the system property {@code triggercache.benchmarks.databases} if set,
     * otherwise what the build wrote ({@code h2}, or {@code h2,postgres} under {@code -Pservices}).
     */
    public static List<Database> configured() {
        String list = System.getProperty("triggercache.benchmarks.databases");
        if (list == null) {
            Properties p = new Properties();
            try (InputStream in = Database.class.getResourceAsStream("/triggercache-benchmarks.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            list = p.getProperty("databases", "h2");
        }
        List<Database> out = new ArrayList<>();
        for (String name : list.split(",")) {
            if (!name.isBlank()) {
                out.add(valueOf(name.trim().toUpperCase(Locale.ROOT)));
            }
        }
        return out;
    }

    public String label() {
        return this == H2 ? "H2 (in memory)" : "PostgreSQL (127.0.0.1)";
    }

    /**
     * A session factory over a fresh, empty data set named {@code name} (the blog tables created), with the
     * given settings added. The connection pool is Hibernate's built-in one, sized for {@code connections}.
     */
    public SessionFactory open(String name, int connections, SqlCounter counter, Map<String, Object> settings) {
        Configuration cfg = new Configuration();
        for (Class<?> entity : List.of(Author.class, Post.class, Comment.class, Tag.class)) {
            cfg.addAnnotatedClass(entity);
        }
        Properties p = cfg.getProperties();
        String safe = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (this == H2) {
            p.put(AvailableSettings.JAKARTA_JDBC_URL, "jdbc:h2:mem:" + safe + ";DB_CLOSE_DELAY=-1");
            p.put(AvailableSettings.JAKARTA_JDBC_USER, "sa");
        } else {
            String schema = "tcbench_" + safe;
            execute("drop schema if exists " + schema + " cascade", "create schema " + schema);
            p.put(AvailableSettings.JAKARTA_JDBC_URL, "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema);
            p.put(AvailableSettings.JAKARTA_JDBC_USER, "postgres");
        }
        p.put(AvailableSettings.JAKARTA_JDBC_PASSWORD, "");
        p.put(AvailableSettings.POOL_SIZE, Integer.toString(connections));
        p.put(AvailableSettings.HBM2DDL_AUTO, "create");
        p.put(AvailableSettings.STATEMENT_INSPECTOR, counter);
        p.putAll(settings);
        return cfg.buildSessionFactory();
    }

    /** Drops what {@link #open} created for {@code name} (the session factory must be closed). */
    public void drop(String name) {
        String safe = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (this == H2) {
            try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + safe, "sa", ""); Statement s = c.createStatement()) {
                s.execute("shutdown");
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop H2 database " + safe, e);
            }
        } else {
            execute("drop schema if exists tcbench_" + safe + " cascade");
        }
    }

    private static void execute(String... sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", ""); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 (database test, user postgres) is needed with -Pservices: " + e.getMessage(), e);
        }
    }
}
