package io.triggercache.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.h2.tools.Server;

/**
 * The database both nodes share: an H2 server on 127.0.0.1 started by the test, or the machine's
 * PostgreSQL at 127.0.0.1:5432 (database {@code test}, schema {@code triggercache_cluster}) in -Pservices.
 */
final class Database implements AutoCloseable {

    final String url;
    final String user;
    private final Server server;

    private Database(String url, String user, Server server) {
        this.url = url;
        this.user = user;
        this.server = server;
    }

    static Database h2() {
        System.setProperty("h2.bindAddress", "127.0.0.1");
        try {
            Server server = Server.createTcpServer("-tcpPort", Integer.toString(Ports.free()), "-ifNotExists").start();
            String url = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/mem:cluster;DB_CLOSE_DELAY=-1";
            return new Database(url, "sa", server).seed();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start the H2 server", e);
        }
    }

    static Database postgres() {
        String base = "jdbc:postgresql://127.0.0.1:5432/test";
        try (Connection c = DriverManager.getConnection(base, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("create schema if not exists triggercache_cluster");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach PostgreSQL at 127.0.0.1:5432", e);
        }
        return new Database(base + "?currentSchema=triggercache_cluster", "postgres", null).seed();
    }

    private Database seed() {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute("drop table if exists cluster_article");
            s.execute("create table cluster_article (id bigint primary key, title varchar(200) not null)");
            s.execute("drop table if exists cluster_committed");
            s.execute("create table cluster_committed (id bigint primary key, version bigint not null)");
            for (int id = 1; id <= 10; id++) {
                s.execute("insert into cluster_article values (" + id + ", 'v0')");
                s.execute("insert into cluster_committed values (" + id + ", 0)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the articles in " + url, e);
        }
        return this;
    }

    /** Records that the commit of {@code version} of an article has returned: the stale-read oracle. */
    void markCommitted(long id, long version) {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.executeUpdate("update cluster_committed set version = " + version + " where id = " + id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The title of an article as the database has it now. */
    String title(long id) {
        try (Connection c = DriverManager.getConnection(url, user, "");
             Statement s = c.createStatement();
             var rs = s.executeQuery("select title from cluster_article where id = " + id)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
    }
}
