package io.triggercache.cdc.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A PostgreSQL session-level advisory lock held on a dedicated connection: the node holding it is the one consumer of
 * the slot. The database releases it when the connection ends (the node died, or lost the network). Used by one thread.
 */
public final class ConsumerLock implements AutoCloseable {

    private final String url;
    private final Properties properties;
    private final long key;
    private Connection connection;

    public ConsumerLock(String url, String user, String password, long key, String applicationName) {
        this.url = url;
        this.key = key;
        this.properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("tcpKeepAlive", "true");
    }

    /** Tries to take the lock without waiting; false if another session holds it or the database cannot be reached. */
    public boolean tryAcquire() {
        try {
            if (connection == null || connection.isClosed()) {
                connection = DriverManager.getConnection(url, properties);
            }
            try (PreparedStatement ps = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                ps.setLong(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        } catch (SQLException e) {
            Log.debug(() -> "TCCDC040 cannot try the consumer lock " + key + ": " + e);
            close();
            return false;
        }
    }

    /** Whether the lock's session is still alive (a round trip on its connection). */
    public boolean stillHeld() {
        try {
            if (connection == null || !connection.isValid(2)) {
                return false;
            }
            // a lock held by this session is listed with this backend's pid
            try (PreparedStatement ps = connection.prepareStatement("select count(*) from pg_locks where locktype = 'advisory'"
                    + " and pid = pg_backend_pid() and granted and objsubid = 1 and classid::bigint = ? and objid::bigint = ?")) {
                ps.setLong(1, key >>> 32);
                ps.setLong(2, key & 0xffffffffL);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getLong(1) > 0;
                }
            }
        } catch (SQLException e) {
            return false;
        }
    }

    /** Releases the lock by ending its session. */
    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                Log.debug(() -> "TCCDC041 closing the consumer lock's connection failed: " + e);
            }
            connection = null;
        }
    }
}
