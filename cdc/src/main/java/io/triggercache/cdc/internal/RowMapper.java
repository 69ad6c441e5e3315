package io.triggercache.cdc.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.triggercache.Change;
import io.triggercache.EntityEvent;
import io.triggercache.spi.ChangeSink;
import io.triggercache.spi.TransactionChanges;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns one batch of captured rows into entity changes and reports them to the sink, one sink transaction per
 * database transaction. Rows of one entity in one transaction within the batch (its secondary tables, the tables of a
 * joined hierarchy) are merged into one change. Used by one thread at a time (the engine's consumer).
 */
public final class RowMapper {

    private final TableMap tables;
    private final ChangeSink sink;
    private final ReplicaIdentities identities;
    /** Tables no entity maps, with the entity types whose triggers their writes should fire (as bulk changes). */
    private final Function<String, List<Class<?>>> unmapped;
    private final Set<String> reportedUnmapped = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public RowMapper(TableMap tables, ChangeSink sink, ReplicaIdentities identities, Function<String, List<Class<?>>> unmapped) {
        this.tables = tables;
        this.sink = sink;
        this.identities = identities;
        this.unmapped = unmapped;
    }

    /** What one database transaction of the batch changed. */
    private static final class Tx {
        final Map<String, Merge> merges = new LinkedHashMap<>();
        final List<Change> changes = new ArrayList<>();
        final Set<Class<?>> bulk = new LinkedHashSet<>();
    }

    /** The rows of one entity instance in one transaction. */
    private static final class Merge {
        final Object idRaw;
        /** The Connect schema of the (single) key column, for its conversion. */
        Schema idSchema;
        List<TableMap.EntityPart> candidates;
        final Set<String> tables = new HashSet<>();
        final Map<String, Character> ops = new HashMap<>();
        final Map<String, Object> before = new HashMap<>();
        final Map<String, Object> after = new HashMap<>();
        final Map<String, Schema> schemas = new HashMap<>();
        final Set<String> knownBefore = new HashSet<>();
        final Set<String> knownAfter = new HashSet<>();
        final List<String> why = new ArrayList<>();

        Merge(Object idRaw, List<TableMap.EntityPart> candidates) {
            this.idRaw = idRaw;
            this.candidates = candidates;
        }
    }

    /** Reports the changes of {@code records} (in order). Returns the number of entity changes reported. */
    public int process(List<SourceRecord> records) {
        Map<Object, Tx> txs = new LinkedHashMap<>();
        for (SourceRecord r : records) {
            if (!(r.value() instanceof Struct value) || value.schema().field("op") == null || value.schema().field("source") == null) {
                continue; // heartbeats, schema changes, transaction markers
            }
            Struct source = value.getStruct("source");
            String schema = source.getString("schema");
            String table = source.getString("table");
            Object txId = source.schema().field("txId") == null ? null : source.get("txId");
            Tx tx = txs.computeIfAbsent(txId == null ? new Object() : txId, k -> new Tx());
            char op = value.getString("op").charAt(0);
            List<TableMap.EntityPart> parts = tables.entityParts(schema, table);
            List<TableMap.CollectionPart> collections = tables.collectionParts(schema, table);
            if (op == 't') {
                for (TableMap.EntityPart p : parts) {
                    tx.bulk.add(p.shape.type);
                }
                for (TableMap.CollectionPart p : collections) {
                    tx.bulk.add(p.owner.type);
                }
                Log.debug(() -> "TCCDC010 TRUNCATE of " + schema + "." + table + ": every method with a trigger on its entities is dropped");
                continue;
            }
            Struct before = value.getStruct("before");
            Struct after = value.getStruct("after");
            if (parts.isEmpty() && collections.isEmpty()) {
                List<Class<?>> types = unmapped.apply(TableMap.normalize(schema + "." + table));
                if (types == null || types.isEmpty()) {
                    types = unmapped.apply(TableMap.normalize(table));
                }
                if (types != null && !types.isEmpty()) {
                    tx.bulk.addAll(types);
                } else if (reportedUnmapped.add(schema + "." + table) || Log.LOG.isLoggable(System.Logger.Level.TRACE)) {
                    Log.debug(() -> "TCCDC011 a write to " + schema + "." + table + ", which no entity maps: no trigger can match it"
                            + " (map it with TriggerCacheCdc.Builder.unmappedTable to drop the methods of an entity type)");
                }
                continue;
            }
            for (TableMap.CollectionPart p : collections) {
                collectionChange(p, before != null ? before : after, tx);
            }
            if (!parts.isEmpty()) {
                row(schema, table, op, before, after, parts, tx);
            }
        }
        int reported = 0;
        for (Tx tx : txs.values()) {
            for (Merge m : tx.merges.values()) {
                changes(m, tx.changes);
            }
            if (tx.changes.isEmpty() && tx.bulk.isEmpty()) {
                continue;
            }
            TransactionChanges pending = sink.transaction(new Object());
            boolean done = false;
            try {
                for (Change c : tx.changes) {
                    if (sink.watches(c.type())) {
                        pending.add(c);
                        reported++;
                    }
                }
                for (Class<?> type : tx.bulk) {
                    pending.addBulk(type);
                }
                pending.completed(true);
                done = true;
            } finally {
                if (!done) {
                    // the changes have committed in the database: drop what they may have touched, at least whole
                    pending.completed(true);
                    for (Change c : tx.changes) {
                        sink.bulkChangedNow(c.type());
                    }
                }
            }
        }
        return reported;
    }

    private void collectionChange(TableMap.CollectionPart p, Struct row, Tx tx) {
        if (row == null || !sink.watches(p.owner.type)) {
            return;
        }
        Object id = p.keyColumns.length == 1 ? Values.basic(p.owner.idType(), field(row, p.keyColumns[0]), schemaOf(row, p.keyColumns[0]), tables.factory)
                : Change.UNKNOWN;
        Object[] unknown = new Object[p.owner.names.length];
        Arrays.fill(unknown, Change.UNKNOWN);
        RowState state = new RowState(p.owner, id, unknown);
        tx.changes.add(new CdcChange(p.owner.type, EntityEvent.UPDATE, id, state, state, Set.of(p.property)));
    }

    private void row(String schema, String table, char op, Struct before, Struct after, List<TableMap.EntityPart> parts, Tx tx) {
        TableMap.EntityPart first = parts.get(0);
        Struct keyRow = after != null ? after : before;
        if (keyRow == null) {
            return;
        }
        Object idRaw;
        Schema idSchema = null;
        if (first.keyColumns.length == 1) {
            idRaw = field(keyRow, first.keyColumns[0]);
            idSchema = schemaOf(keyRow, first.keyColumns[0]);
        } else {
            List<Object> key = new ArrayList<>();
            for (String k : first.keyColumns) {
                key.add(field(keyRow, k));
            }
            idRaw = key;
        }
        String root = first.shape.persister.getRootEntityName();
        List<TableMap.EntityPart> candidates = new ArrayList<>();
        for (TableMap.EntityPart p : parts) {
            if (p.shape.isAbstract() || !p.shape.persister.getRootEntityName().equals(root)) {
                continue;
            }
            if (p.shape.discriminatorColumn != null && fieldExists(keyRow, p.shape.discriminatorColumn)) {
                Class<?> t = p.shape.typeFor(field(keyRow, p.shape.discriminatorColumn));
                if (t != null && t != p.shape.type) {
                    continue;
                }
            }
            candidates.add(p);
        }
        if (candidates.isEmpty()) {
            candidates = parts;
        }
        String normalized = TableMap.bare(table);
        List<TableMap.EntityPart> cs = candidates;
        Merge m = tx.merges.computeIfAbsent(root + "#" + idRaw, k -> new Merge(idRaw, cs));
        if (m.idSchema == null) {
            m.idSchema = idSchema;
        }
        if (m.candidates != candidates) {
            List<TableMap.EntityPart> both = new ArrayList<>();
            for (TableMap.EntityPart a : m.candidates) {
                for (TableMap.EntityPart b : candidates) {
                    if (a.shape.type == b.shape.type) {
                        both.add(a);
                    }
                }
            }
            if (!both.isEmpty()) {
                m.candidates = both;
            }
        }
        m.tables.add(normalized);
        m.ops.put(normalized, op);
        if (after != null) {
            for (Field f : after.schema().fields()) {
                String col = key(normalized, f.name());
                Object v = after.get(f);
                m.after.put(col, v);
                m.schemas.put(col, f.schema());
                if (op != 'd' && !Values.isUnavailable(v)) {
                    m.knownAfter.add(col);
                }
            }
        }
        ReplicaIdentities.Identity identity = op == 'u' || op == 'd' || before != null ? identities.of(schema, table) : null;
        if (before != null) {
            for (Field f : before.schema().fields()) {
                String col = key(normalized, f.name());
                Object v = before.get(f);
                m.before.put(col, v);
                m.schemas.putIfAbsent(col, f.schema());
                if ((identity.full() || identity.columns().contains(TableMap.normalize(f.name()))) && !Values.isUnavailable(v)) {
                    m.knownBefore.add(col);
                }
            }
            if (!identity.full()) {
                m.why.add(schema + "." + table + " has REPLICA IDENTITY " + kind(identity.kind()) + ", so the old image holds only " + identity.columns());
            }
        } else if (op == 'u') {
            // the key did not change: the old key is the new one
            for (String k : first.keyColumns) {
                String col = key(normalized, k);
                m.before.put(col, m.after.get(col));
                m.knownBefore.add(col);
            }
            m.why.add(schema + "." + table + " has REPLICA IDENTITY " + kind(identity.kind()) + ", so an update carries no old image");
        }
    }

    private static String kind(char k) {
        return switch (k) {
            case 'd' -> "DEFAULT";
            case 'n' -> "NOTHING";
            case 'i' -> "USING INDEX";
            default -> "FULL";
        };
    }

    private static String key(String table, String column) {
        return table + "." + TableMap.normalize(column);
    }

    private void changes(Merge m, List<Change> out) {
        List<TableMap.EntityPart> candidates = m.candidates;
        TableMap.EntityShape any = candidates.get(0).shape;
        String rootTable = TableMap.bare(any.persister.getRootTableName());
        Character rootOp = m.ops.get(rootTable);
        EntityEvent event = rootOp == null ? EntityEvent.UPDATE : switch (rootOp) {
            case 'c', 'r' -> EntityEvent.INSERT;
            case 'd' -> EntityEvent.DELETE;
            default -> EntityEvent.UPDATE;
        };
        if (candidates.size() > 1 && event != EntityEvent.UPDATE) {
            // an insert or a delete writes every table its entity requires: the others are not its type
            List<TableMap.EntityPart> complete = new ArrayList<>();
            for (TableMap.EntityPart p : candidates) {
                if (m.tables.containsAll(p.shape.requiredTables)) {
                    complete.add(p);
                }
            }
            if (!complete.isEmpty()) {
                candidates = complete;
            }
        }
        Set<Class<?>> done = new HashSet<>();
        for (TableMap.EntityPart p : candidates) {
            TableMap.EntityShape s = p.shape;
            if (!done.add(s.type) || !sink.watches(s.type)) {
                continue;
            }
            Object id = m.idRaw instanceof List<?> ? m.idRaw : Values.basic(s.idType(), m.idRaw, m.idSchema, tables.factory);
            Object[] beforeValues = event == EntityEvent.INSERT ? null : values(s, m, m.before, m.knownBefore);
            Object[] afterValues = event == EntityEvent.DELETE ? null : values(s, m, m.after, m.knownAfter);
            Set<String> dirty;
            if (event == EntityEvent.UPDATE) {
                dirty = new LinkedHashSet<>();
                for (int i = 0; i < s.names.length; i++) {
                    if (s.tables[i] == null || !m.tables.contains(s.tables[i])) {
                        continue;
                    }
                    if (beforeValues[i] == Change.UNKNOWN || afterValues[i] == Change.UNKNOWN || !sameColumns(s, i, m)) {
                        dirty.add(s.names[i]);
                    }
                }
            } else {
                dirty = new LinkedHashSet<>(Arrays.asList(s.names));
            }
            if (beforeValues != null && !m.why.isEmpty()) {
                Log.debug(() -> "TCCDC001 " + event + " of " + s.type.getName() + "#" + id + ": " + String.join("; ", m.why)
                        + "; triggers whose suffix reads an unknown old value drop every group of their method"
                        + " (ALTER TABLE ... REPLICA IDENTITY FULL makes them exact)");
            }
            out.add(new CdcChange(s.type, event, id, beforeValues == null ? null : new RowState(s, id, beforeValues),
                    afterValues == null ? null : new RowState(s, id, afterValues), Set.copyOf(dirty)));
        }
    }

    private static boolean sameColumns(TableMap.EntityShape s, int i, Merge m) {
        for (String c : s.columns[i]) {
            String col = s.tables[i] + "." + c;
            if (!java.util.Objects.equals(m.before.get(col), m.after.get(col))) {
                return false;
            }
        }
        return true;
    }

    private Object[] values(TableMap.EntityShape s, Merge m, Map<String, Object> row, Set<String> known) {
        Object[] values = new Object[s.names.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(s, i, m, row, known);
        }
        return values;
    }

    private Object value(TableMap.EntityShape s, int i, Merge m, Map<String, Object> row, Set<String> known) {
        String table = s.tables[i];
        if (table == null || !m.tables.contains(table)) {
            return Change.UNKNOWN; // a collection, a formula, a mappedBy side, or a table this transaction's rows did not show
        }
        String[] cols = s.columns[i];
        for (String c : cols) {
            if (!known.contains(table + "." + c)) {
                return Change.UNKNOWN;
            }
        }
        if (s.isBasic(i)) {
            String col = table + "." + cols[0];
            return Values.basic(s.types[i], row.get(col), m.schemas.get(col), tables.factory);
        }
        if (s.isForeignKey(i) && cols.length == 1) {
            String col = table + "." + cols[0];
            return Values.reference(s.targetOf(i), row.get(col), m.schemas.get(col), tables.factory);
        }
        return Change.UNKNOWN; // embeddables and composite keys are not rebuilt from columns
    }

    private static boolean fieldExists(Struct row, String column) {
        return fieldOf(row, column) != null;
    }

    private static Field fieldOf(Struct row, String column) {
        Field f = row.schema().field(column);
        if (f == null) {
            for (Field g : row.schema().fields()) {
                if (TableMap.normalize(g.name()).equals(column)) {
                    return g;
                }
            }
        }
        return f;
    }

    private static Object field(Struct row, String column) {
        Field f = fieldOf(row, column);
        return f == null ? null : row.get(f);
    }

    private static Schema schemaOf(Struct row, String column) {
        Field f = fieldOf(row, column);
        return f == null ? null : f.schema();
    }
}
