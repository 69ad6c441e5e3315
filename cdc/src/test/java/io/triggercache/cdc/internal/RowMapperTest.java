package io.triggercache.cdc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.Change;
import io.triggercache.EntityEvent;
import io.triggercache.cdc.CdcBook;
import io.triggercache.cdc.CdcComment;
import io.triggercache.cdc.CdcItem;
import io.triggercache.cdc.CdcPost;
import io.triggercache.spi.ChangeSink;
import io.triggercache.spi.TransactionChanges;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How captured rows (Debezium's envelope, built by hand) become entity changes, through the Hibernate metamodel of the
 * test entities on H2. No PostgreSQL, no Debezium engine: part of the default build.
 */
class RowMapperTest {

    static EntityManagerFactory emf;
    static TableMap tables;

    /** The changes and bulk types reported, per sink transaction. */
    final List<List<Object>> transactions = new ArrayList<>();

    final ChangeSink sink = new ChangeSink() {
        @Override
        public boolean watches(Class<?> type) {
            return true;
        }

        @Override
        public TransactionChanges transaction(Object key) {
            List<Object> tx = new ArrayList<>();
            transactions.add(tx);
            return new TransactionChanges() {
                @Override
                public void add(Change change) {
                    tx.add(change);
                }

                @Override
                public void addBulk(Class<?> type) {
                    tx.add(type);
                }

                @Override
                public void completed(boolean committed) {
                }
            };
        }

        @Override
        public void changedNow(Change change) {
        }

        @Override
        public void bulkChangedNow(Class<?> type) {
        }
    };

    @BeforeAll
    static void metamodel() {
        emf = Persistence.createEntityManagerFactory("cdc", Map.of(
                "jakarta.persistence.jdbc.url", "jdbc:h2:mem:rowmapper;DB_CLOSE_DELAY=-1", "jakarta.persistence.jdbc.user", "sa",
                "jakarta.persistence.jdbc.password", "", "jakarta.persistence.schema-generation.database.action", "none",
                "io.triggercache.hibernate.enabled", "false"));
        tables = new TableMap(emf.unwrap(SessionFactoryImplementor.class));
    }

    @AfterAll
    static void close() {
        emf.close();
    }

    RowMapper mapper(boolean full) {
        return new RowMapper(tables, sink, ReplicaIdentities.fixed(full, Set.of("id")),
                t -> t.equals("cdc.cdc_audit") ? List.of(CdcPost.class) : null);
    }

    static final Schema COMMENT = SchemaBuilder.struct().optional().field("id", Schema.INT64_SCHEMA)
            .field("text", Schema.OPTIONAL_STRING_SCHEMA).field("post_id", Schema.OPTIONAL_INT64_SCHEMA).build();

    static SourceRecord row(String table, long txId, char op, Schema rowSchema, Struct before, Struct after) {
        Schema source = SchemaBuilder.struct().field("schema", Schema.STRING_SCHEMA).field("table", Schema.STRING_SCHEMA)
                .field("txId", Schema.OPTIONAL_INT64_SCHEMA).build();
        Schema envelope = SchemaBuilder.struct().field("before", rowSchema).field("after", rowSchema)
                .field("source", source).field("op", Schema.STRING_SCHEMA).build();
        Struct value = new Struct(envelope).put("before", before).put("after", after)
                .put("source", new Struct(source).put("schema", "cdc").put("table", table).put("txId", txId))
                .put("op", String.valueOf(op));
        return new SourceRecord(Map.of(), Map.of(), "t", envelope, value);
    }

    static Struct comment(long id, String text, Long post) {
        return new Struct(COMMENT).put("id", id).put("text", text).put("post_id", post);
    }

    private Change only() {
        assertThat(transactions).hasSize(1);
        assertThat(transactions.get(0)).hasSize(1);
        return (Change) transactions.get(0).get(0);
    }

    @Test
    void insert_readsColumnsAsAttributes_andTheForeignKeyAsAProxyOfItsId() {
        mapper(true).process(List.of(row("cdc_comment", 1, 'c', COMMENT, null, comment(5, "hi", 7L))));
        Change c = only();
        assertThat(c.type()).isEqualTo(CdcComment.class);
        assertThat(c.event()).isEqualTo(EntityEvent.INSERT);
        assertThat(c.id()).isEqualTo(5L);
        assertThat(c.before()).isNull();
        assertThat(c.after().get("text")).isEqualTo("hi");
        assertThat(((CdcPost) c.after().get("post")).getId()).isEqualTo(7L);
    }

    @Test
    void update_withTheFullOldImage_hasBothStates_andOnlyTheChangedColumnsDirty() {
        mapper(true).process(List.of(row("cdc_comment", 1, 'u', COMMENT, comment(5, "hi", 7L), comment(5, "hi", 8L))));
        Change c = only();
        assertThat(c.event()).isEqualTo(EntityEvent.UPDATE);
        assertThat(((CdcPost) c.before().get("post")).getId()).isEqualTo(7L);
        assertThat(((CdcPost) c.after().get("post")).getId()).isEqualTo(8L);
        assertThat(c.dirtyProperties()).containsExactly("post");
    }

    @Test
    void update_withoutAnOldImage_knowsOnlyTheOldId() {
        mapper(false).process(List.of(row("cdc_comment", 1, 'u', COMMENT, null, comment(5, "hi", 8L))));
        Change c = only();
        assertThat(c.before().get("id")).isEqualTo(5L);
        assertThat(c.before().get("post")).isSameAs(Change.UNKNOWN);
        assertThat(c.before().get("text")).isSameAs(Change.UNKNOWN);
        assertThat(c.dirtyProperties()).containsExactlyInAnyOrder("post", "text");
    }

    @Test
    void delete_withTheDefaultIdentity_knowsOnlyTheKey() {
        mapper(false).process(List.of(row("cdc_comment", 1, 'd', COMMENT, comment(5, null, null), null)));
        Change c = only();
        assertThat(c.event()).isEqualTo(EntityEvent.DELETE);
        assertThat(c.after()).isNull();
        assertThat(c.before().get("post")).isSameAs(Change.UNKNOWN);
    }

    @Test
    void joinedSubclassAndSecondaryTable_rowsOfOneTransaction_becomeOneChangeOfTheSubclass() {
        Schema item = SchemaBuilder.struct().optional().field("id", Schema.INT64_SCHEMA).field("shelf", Schema.OPTIONAL_STRING_SCHEMA).build();
        Schema detail = SchemaBuilder.struct().optional().field("id", Schema.INT64_SCHEMA).field("color", Schema.OPTIONAL_STRING_SCHEMA).build();
        Schema book = SchemaBuilder.struct().optional().field("id", Schema.INT64_SCHEMA).field("author", Schema.OPTIONAL_STRING_SCHEMA).build();
        mapper(true).process(List.of(
                row("cdc_item", 9, 'c', item, null, new Struct(item).put("id", 3L).put("shelf", "s1")),
                row("cdc_item_detail", 9, 'c', detail, null, new Struct(detail).put("id", 3L).put("color", "red")),
                row("cdc_book", 9, 'c', book, null, new Struct(book).put("id", 3L).put("author", "x"))));
        Change c = only();
        assertThat(c.type()).isEqualTo(CdcBook.class);
        assertThat(c.event()).isEqualTo(EntityEvent.INSERT);
        assertThat(c.after().get("shelf")).isEqualTo("s1");
        assertThat(c.after().get("color")).isEqualTo("red");
        assertThat(c.after().get("author")).isEqualTo("x");
    }

    @Test
    void rootRowAlone_insert_isAPlainItem_whoseSecondaryColumnsAreUnknown() {
        Schema item = SchemaBuilder.struct().optional().field("id", Schema.INT64_SCHEMA).field("shelf", Schema.OPTIONAL_STRING_SCHEMA).build();
        mapper(true).process(List.of(row("cdc_item", 9, 'c', item, null, new Struct(item).put("id", 4L).put("shelf", "s2"))));
        Change c = only();
        assertThat(c.type()).isEqualTo(CdcItem.class);
        assertThat(c.after().get("shelf")).isEqualTo("s2");
        assertThat(c.after().get("color")).isSameAs(Change.UNKNOWN);
    }

    @Test
    void unmappedTable_reportsNothing_unlessDeclared() {
        Schema audit = SchemaBuilder.struct().optional().field("id", Schema.INT64_SCHEMA).build();
        mapper(true).process(List.of(row("cdc_note", 1, 'c', audit, null, new Struct(audit).put("id", 1L))));
        assertThat(transactions).isEmpty();
        mapper(true).process(List.of(row("cdc_audit", 2, 'c', audit, null, new Struct(audit).put("id", 1L))));
        assertThat(transactions).hasSize(1);
        assertThat(transactions.get(0)).containsExactly(CdcPost.class);
    }

    @Test
    void rowsOfTwoTransactions_areTwoSinkTransactions() {
        mapper(true).process(List.of(row("cdc_comment", 1, 'c', COMMENT, null, comment(5, "a", 7L)),
                row("cdc_comment", 2, 'c', COMMENT, null, comment(6, "b", 7L))));
        assertThat(transactions).hasSize(2);
    }
}
