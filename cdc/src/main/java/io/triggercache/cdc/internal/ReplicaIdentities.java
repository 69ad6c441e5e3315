package io.triggercache.cdc.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The columns PostgreSQL puts in the old image of each table's updates and deletes, after its {@code REPLICA IDENTITY}:
 * every column for {@code FULL}, the primary key for {@code DEFAULT}, the index's columns for {@code USING INDEX},
 * none for {@code NOTHING}. Read from the catalog the first time a table is seen. Thread-safe.
 */
public final class ReplicaIdentities {

    /** A table's old-image columns; {@code full} means all of them. */
    record Identity(char kind, boolean full, Set<String> columns) {
    }

    private final String url;
    private final String user;
    private final String password;
    private final ConcurrentHashMap<String, Identity> byTable = new ConcurrentHashMap<>();
    /** For tests: the identity of every table, without asking a database; null normally. */
    private final Identity fixed;

    public ReplicaIdentities(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.fixed = null;
    }

    private ReplicaIdentities(Identity fixed) {
        this.url = null;
        this.user = null;
        this.password = null;
        this.fixed = fixed;
    }

    /** Every table with the same replica identity: {@code FULL} if {@code full}, else {@code DEFAULT} over {@code keyColumns}. */
    static ReplicaIdentities fixed(boolean full, Set<String> keyColumns) {
        return new ReplicaIdentities(new Identity(full ? 'f' : 'd', full, Set.copyOf(keyColumns)));
    }

    Identity of(String schema, String table) {
        if (fixed != null) {
            return fixed;
        }
        return byTable.computeIfAbsent(schema + "." + table, k -> load(schema, table));
    }

    private Identity load(String schema, String table) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            char kind = 'd';
            long oid = 0;
            try (PreparedStatement ps = c.prepareStatement("select c.oid, c.relreplident from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where n.nspname = ? and c.relname = ?")) {
                ps.setString(1, schema);
                ps.setString(2, table);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        oid = rs.getLong(1);
                        kind = rs.getString(2).charAt(0);
                    }
                }
            }
            if (kind == 'f') {
                return new Identity(kind, true, Set.of());
            }
            Set<String> cols = new HashSet<>();
            if (kind == 'd' || kind == 'i') {
                String which = kind == 'd' ? "i.indisprimary" : "i.indisreplident";
                try (PreparedStatement ps = c.prepareStatement("select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid"
                        + " and a.attnum = any(i.indkey) where i.indrelid = ? and " + which)) {
                    ps.setLong(1, oid);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            cols.add(TableMap.normalize(rs.getString(1)));
                        }
                    }
                }
            }
            return new Identity(kind, false, Set.copyOf(cols));
        } catch (SQLException e) {
            Log.warn("TCCDC030 cannot read the replica identity of " + schema + "." + table + "; its old images count as key-only", e);
            return new Identity('d', false, Set.of());
        }
    }
}
