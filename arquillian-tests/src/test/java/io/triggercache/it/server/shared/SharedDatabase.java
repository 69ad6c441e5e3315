package io.triggercache.it.server.shared;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.tools.Server;

/**
 * The one database of the two-node tests: an H2 TCP server in the test JVM on 127.0.0.1, serving an in-memory
 * database that both nodes reach through their data source ({@code jdbc:h2:tcp://127.0.0.1:port/mem:...}). The test
 * creates the table and the rows itself, so the nodes deploy no schema of their own.
 */
public final class SharedDatabase implements AutoCloseable {

    static {
        // before any H2 class reads it: the TCP server binds to loopback only
        System.setProperty("h2.bindAddress", "127.0.0.1");
    }

    /** The credentials the database is created with (a data source with an empty password fails on Payara). */
    public static final String USER = "sa";
    public static final String PASSWORD = "tc-it";

    private final Server server;
    private final Connection connection;
    private final String url;

    private SharedDatabase(Server server, Connection connection, String url) {
        this.server = server;
        this.connection = connection;
        this.url = url;
    }

    /** Starts the server and creates {@code TC_ARTICLE} with the articles {@code 1..articles}, titled "article i". */
    public static SharedDatabase start(String name, int articles) throws SQLException {
        Server server = Server.createTcpServer("-tcpPort", String.valueOf(freePort()), "-ifNotExists").start();
        String url = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/mem:" + name;
        Connection c = DriverManager.getConnection(url + ";DB_CLOSE_DELAY=-1", USER, PASSWORD);
        try (Statement s = c.createStatement()) {
            s.execute("create table TC_ARTICLE (ID bigint primary key, TITLE varchar(200))");
        }
        try (PreparedStatement p = c.prepareStatement("insert into TC_ARTICLE (ID, TITLE) values (?, ?)")) {
            for (int i = 1; i <= articles; i++) {
                p.setLong(1, i);
                p.setString(2, "article " + i);
                p.executeUpdate();
            }
        }
        System.out.printf("[triggercache-it] shared H2 database at %s%n", url);
        return new SharedDatabase(server, c, url);
    }

    /** The JDBC URL the nodes use. */
    public String url() {
        return url;
    }

    /** The title as the database holds it now. */
    public String title(long id) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("select TITLE from TC_ARTICLE where ID = ?")) {
            p.setLong(1, id);
            try (var rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            server.stop();
        }
    }

    /** A TCP port free on 127.0.0.1 now. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two consecutive TCP ports free on 127.0.0.1 now; returns the first. */
    public static int freePortPair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int p = freePort();
            if (p < 65535) {
                try (ServerSocket s = new ServerSocket(p + 1, 1, InetAddress.getLoopbackAddress())) {
                    return p;
                } catch (IOException e) {
                    // taken: try another
                }
            }
        }
        throw new IllegalStateException("no two consecutive free ports on 127.0.0.1");
    }
}
