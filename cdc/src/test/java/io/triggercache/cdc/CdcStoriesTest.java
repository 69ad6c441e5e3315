package io.triggercache.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triggercache.CacheStatistics;
import io.triggercache.MethodStatistics;
import io.triggercache.cdi.TriggerCacheExtension;
import io.triggercache.spi.ChangeSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Writes made around the application, with plain JDBC on PostgreSQL, drop exactly the groups the application's own
 * triggers name, through Debezium's capture of the logical replication stream. Weld SE, the real extension, Hibernate
 * and triggercache-hibernate; tables cdc.cdc_*; the slot and publication are dropped afterwards.
 */
@Tag("postgres")
class CdcStoriesTest {

    static final String SLOT = "tc_cdc_stories";
    static final String PUBLICATION = "tc_cdc_stories";
    private static final String Q = CdcQueries.class.getName() + ".";
    private static final Duration WAIT = Duration.ofSeconds(30);

    static WeldContainer container;
    static CdcQueries q;
    static CacheStatistics statistics;
    static CdcJpa jpa;
    static RecordingSink sink;
    static Path offsets;
    static TriggerCacheCdc cdc;

    @BeforeAll
    static void start() throws Exception {
        Slots.drop(SLOT, PUBLICATION);
        container = new Weld().disableDiscovery().addBeanClasses(CdcQueries.class, CdcJpa.class)
                .addExtension(new TriggerCacheExtension()).initialize();
        q = container.select(CdcQueries.class).get();
        statistics = container.select(CacheStatistics.class).get();
        jpa = container.select(CdcJpa.class).get();
        sink = new RecordingSink(container.select(ChangeSink.class).get());
        jpa.emf(); // creates the tables
        sql("create table if not exists cdc.cdc_audit (id bigint primary key, what text)",
                "create table if not exists cdc.cdc_note (id bigint primary key, what text)",
                "truncate cdc.cdc_audit, cdc.cdc_note",
                "alter table cdc.cdc_marker replica identity full",
                "alter table cdc.cdc_item replica identity full",
                "alter table cdc.cdc_item_detail replica identity full",
                "alter table cdc.cdc_book replica identity full",
                "alter table cdc.cdc_post replica identity full",
                "alter table cdc.cdc_comment replica identity full");
        offsets = Files.createTempFile("cdc-stories", ".offsets");
        Files.delete(offsets);
        cdc = startCdc();
    }

    static TriggerCacheCdc startCdc() {
        return TriggerCacheCdc.builder().sessionFactory(jpa.emf()).sink(sink)
                .jdbc("127.0.0.1", 5432, "test", "postgres")
                .slot(SLOT).publication(PUBLICATION).schemas("cdc")
                .unmappedTable("cdc.cdc_audit", CdcPost.class)
                .property("poll.interval.ms", System.getProperty("cdc.poll.ms", "5"))
                .offsets(offsets).start();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (cdc != null) {
                cdc.close();
            }
        } finally {
            try {
                Slots.drop(SLOT, PUBLICATION);
            } finally {
                if (container != null) {
                    container.shutdown();
                }
                if (offsets != null) {
                    Files.deleteIfExists(offsets);
                }
            }
        }
    }

    static long markers;

    /** Runs statements in auto-commit, as psql would, counting the rows they write. */
    static void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(CdcJpa.URL, "postgres", ""); Statement s = c.createStatement()) {
            for (String st : statements) {
                s.execute(st);
            }
        }
    }

    /** Waits until the capture has reported (and the engine applied) every row written so far. */
    static void settle() throws SQLException {
        long marker = ++markers;
        sql("insert into cdc.cdc_marker (id) values (" + marker + ")");
        await().atMost(WAIT).until(() -> sink.lastMarker.get() >= marker);
    }

    private static MethodStatistics stats(String method) {
        return statistics.of(Q + method);
    }

    @Test
    void insert_outsideTheApplication_dropsOnlyThatPostsComments() throws Exception {
        sql("insert into cdc.cdc_post (id, title, category) values (101, 'p101', 'i'), (102, 'p102', 'i')",
                "insert into cdc.cdc_comment (id, text, post_id) values (1011, 'a', 101), (1021, 'b', 102)");
        settle();
        await().atMost(WAIT).until(() -> q.comments(101).equals(List.of("a")) && q.comments(102).equals(List.of("b")));
        assertThat(q.comments(101)).containsExactly("a");                          // cache hit
        MethodStatistics before = stats("comments");

        sql("insert into cdc.cdc_comment (id, text, post_id) values (1012, 'a2', 101)");   // psql, another service

        settle();
        await().atMost(WAIT).until(() -> q.comments(101).equals(List.of("a", "a2")));      // db hit once dropped
        settle();
        assertThat(q.comments(102)).containsExactly("b");                          // cache hit: another group
        MethodStatistics after = stats("comments");
        assertThat(after.loads() - before.loads()).isEqualTo(1);
        assertThat(after.misses() - before.misses()).isEqualTo(1);
    }

    @Test
    void update_movingAPostBetweenCategories_dropsTheOldAndTheNewGroup_only() throws Exception {
        sql("insert into cdc.cdc_post (id, title, category) values (201, 'moved', 'm-old'), (202, 'stays', 'm-new'), (203, 'other', 'm-other')");
        settle();
        await().atMost(WAIT).until(() -> q.titles("m-old").equals(List.of("moved")) && q.titles("m-new").equals(List.of("stays"))
                && q.titles("m-other").equals(List.of("other")));
        assertThat(q.titles("m-old")).containsExactly("moved");                    // cache hit
        MethodStatistics before = stats("titles");

        sql("update cdc.cdc_post set category = 'm-new' where id = 201");

        await().atMost(WAIT).until(() -> q.titles("m-new").equals(List.of("moved", "stays")));  // db hit: new group
        settle();
        assertThat(q.titles("m-old")).isEmpty();                                    // db hit: old group dropped too
        assertThat(q.titles("m-other")).containsExactly("other");                   // cache hit
        MethodStatistics after = stats("titles");
        assertThat(after.loads() - before.loads()).isEqualTo(2);
        assertThat(after.hits() - before.hits()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void delete_outsideTheApplication_dropsOnlyThatGroup() throws Exception {
        sql("insert into cdc.cdc_post (id, title, category) values (301, 'p301', 'd'), (302, 'p302', 'd')",
                "insert into cdc.cdc_comment (id, text, post_id) values (3011, 'x', 301), (3021, 'y', 302)");
        settle();
        await().atMost(WAIT).until(() -> q.comments(301).equals(List.of("x")) && q.comments(302).equals(List.of("y")));
        MethodStatistics before = stats("comments");

        sql("delete from cdc.cdc_comment where id = 3011");

        settle();
        await().atMost(WAIT).until(() -> q.comments(301).isEmpty());
        settle();
        assertThat(q.comments(302)).containsExactly("y");                          // cache hit
        MethodStatistics after = stats("comments");
        assertThat(after.loads() - before.loads()).isEqualTo(1);
    }

    @Test
    void bulkUpdate_ofManyRows_dropsExactlyTheirGroups() throws Exception {
        sql("insert into cdc.cdc_post (id, title, category) values (401, 'p401', 'b'), (402, 'p402', 'b'), (403, 'p403', 'b')",
                "insert into cdc.cdc_comment (id, text, post_id) select 50000 + g, 'c', case when g % 2 = 0 then 401 else 402 end"
                        + " from generate_series(1, 500) g",
                "insert into cdc.cdc_comment (id, text, post_id) values (40300, 'c', 403)");
        settle();
        await().atMost(WAIT).until(() -> q.comments(401).size() == 250 && q.comments(402).size() == 250 && q.comments(403).size() == 1);
        MethodStatistics before = stats("comments");

        sql("update cdc.cdc_comment set text = 'bulk' where post_id in (401, 402)");   // 500 rows in one statement

        settle();
        await().atMost(WAIT).until(() -> q.comments(401).stream().allMatch("bulk"::equals) && q.comments(402).stream().allMatch("bulk"::equals));
        settle();
        assertThat(q.comments(403)).containsExactly("c");                          // cache hit: untouched group
        MethodStatistics after = stats("comments");
        assertThat(after.loads() - before.loads()).isEqualTo(2);
    }

    @Test
    void writeToAnUnmappedTable_dropsOnlyWhatTheCaptureWasToldAbout() throws Exception {
        long audit = q.auditRows();                                                 // db hit
        long notes = q.notes();                                                     // db hit
        sql("insert into cdc.cdc_post (id, title, category) values (501, 'p501', 'u1'), (502, 'p502', 'u2')");
        settle();
        await().atMost(WAIT).until(() -> q.titles("u1").size() == 1 && q.titles("u2").size() == 1);
        // cdc_audit is declared as CdcPost's (unmappedTable): every method with a CdcPost trigger is dropped
        MethodStatistics titlesBefore = stats("titles");
        long noteLoads = stats("notes").loads();
        sql("insert into cdc.cdc_audit (id, what) values (1, 'audit'), (2, 'audit')",
                "insert into cdc.cdc_note (id, what) values (1, 'note')");
        await().atMost(WAIT).until(() -> q.auditRows() == audit + 2);
        settle();
        assertThat(q.titles("u1")).containsExactly("p501");                        // db hit: the whole method
        assertThat(stats("titles").loads() - titlesBefore.loads()).isEqualTo(1);
        // cdc_note is mapped by nothing and not declared: no trigger can match it, the cached count stays
        assertThat(q.notes()).isEqualTo(notes);                                     // cache hit (stale by design)
        assertThat(stats("notes").loads()).isEqualTo(noteLoads);
    }

    @Test
    void update_withoutReplicaIdentityFull_dropsEveryGroupOfTheMethod() throws Exception {
        sql("insert into cdc.cdc_tag (id, label, bucket) values (601, 't601', 'r1'), (602, 't602', 'r2'), (603, 't603', 'r3')");
        settle();
        await().atMost(WAIT).until(() -> q.tags("r1").size() == 1 && q.tags("r2").size() == 1 && q.tags("r3").size() == 1);
        MethodStatistics before = stats("tags");

        sql("update cdc.cdc_tag set bucket = 'r2' where id = 601");                // no old image: r1 cannot be told

        await().atMost(WAIT).until(() -> q.tags("r2").size() == 2);
        settle();
        assertThat(q.tags("r1")).isEmpty();                                         // db hit: old group dropped
        assertThat(q.tags("r3")).containsExactly("t603");                          // db hit: every group dropped
        assertThat(stats("tags").loads() - before.loads()).isEqualTo(3);
    }

    @Test
    void pathBeyondTheForeignKey_dropsTheWholeMethod() throws Exception {
        sql("insert into cdc.cdc_post (id, title, category) values (701, 'far-1', 'f'), (702, 'far-2', 'f')",
                "insert into cdc.cdc_comment (id, text, post_id) values (7011, 'c', 701)");
        settle();
        await().atMost(WAIT).until(() -> q.commentsOnTitle("far-1") == 1);
        assertThat(q.commentsOnTitle("far-2")).isZero();
        MethodStatistics before = stats("commentsOnTitle");

        sql("insert into cdc.cdc_comment (id, text, post_id) values (7021, 'c', 702)");   // post.title is not in the row

        await().atMost(WAIT).until(() -> q.commentsOnTitle("far-2") == 1);
        settle();
        assertThat(q.commentsOnTitle("far-1")).isEqualTo(1);                      // db hit: the whole method
        assertThat(stats("commentsOnTitle").loads() - before.loads()).isEqualTo(2);
    }

    @Test
    void restart_resumesFromTheStoredOffsets_withNoChangeLost() throws Exception {
        sql("insert into cdc.cdc_post (id, title, category) values (801, 'p801', 'r')",
                "insert into cdc.cdc_comment (id, text, post_id) values (8011, 'before', 801)");
        settle();
        await().atMost(WAIT).until(() -> q.comments(801).equals(List.of("before")));
        cdc.close();
        assertThat(cdc.isRunning()).isFalse();

        sql("insert into cdc.cdc_comment (id, text, post_id) values (8012, 'while stopped', 801)");
        assertThat(q.comments(801)).containsExactly("before");                     // cache hit: nobody captures now

        cdc = startCdc();
        await().atMost(WAIT).until(() -> q.comments(801).equals(List.of("before", "while stopped")));
        assertThat(cdc.changesReported()).isGreaterThanOrEqualTo(1);
    }

    /**
     * The time from an outside commit (the JDBC call returned) to the engine having applied the drop it causes, over
     * 200 single-row commits on loopback. Printed, and written to target/cdc-latency.txt.
     */
    @Test
    void latency_fromOutsideCommitToDrop() throws Exception {
        sql("insert into cdc.cdc_post (id, title, category) values (901, 'seed', 'lat')");
        settle();
        assertThat(q.titles("lat")).containsExactly("seed");                       // db hit
        int n = 200;
        long[] nanos = new long[n];
        try (Connection c = DriverManager.getConnection(CdcJpa.URL, "postgres", "");
             java.sql.PreparedStatement ps = c.prepareStatement("update cdc.cdc_post set title = ? where id = 901")) {
            for (int i = 0; i < n; i++) {
                String title = "latency-" + i;
                ps.setString(1, title);
                ps.executeUpdate();                                                 // auto-commit: returned = committed
                long committed = System.nanoTime();
                await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                        .until(() -> sink.appliedTitles.containsKey(title));
                nanos[i] = Math.max(0, sink.appliedTitles.get(title) - committed);
            }
        }
        assertThat(q.titles("lat")).containsExactly("latency-" + (n - 1));        // db hit: dropped
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        String line = String.format(java.util.Locale.ROOT, "outside commit -> drop applied, %d commits on loopback: p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                n, sorted[n / 2] / 1e6, sorted[(int) Math.ceil(n * 0.99) - 1] / 1e6, sorted[n - 1] / 1e6);
        System.out.println("CDC LATENCY " + line);
        Files.writeString(Path.of("target", "cdc-latency.txt"), line + System.lineSeparator(),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    @Test
    void joinedSubclassAndSecondaryTable_rowsOfOneTransaction_dropExactlyTheirGroups() throws Exception {
        // one outside transaction writes a book's three rows: the root table, the secondary table, the subclass table
        sql("begin; insert into cdc.cdc_item (id, shelf) values (1001, 's1'), (1002, 's2');"
                + " insert into cdc.cdc_item_detail (id, color) values (1001, 'red'), (1002, 'blue');"
                + " insert into cdc.cdc_book (id, author) values (1001, 'x'), (1002, 'z'); commit");
        settle();
        assertThat(q.itemsOn("s1")).containsExactly(1001L);                        // db hit
        assertThat(q.itemsOn("s2")).containsExactly(1002L);                        // db hit
        assertThat(q.booksBy("x")).containsExactly(1001L);                         // db hit
        assertThat(q.booksBy("y")).isEmpty();                                      // db hit
        assertThat(q.booksBy("z")).containsExactly(1002L);                         // db hit
        assertThat(q.itemsColored("red")).containsExactly(1001L);                  // db hit
        assertThat(q.itemsColored("blue")).containsExactly(1002L);                 // db hit
        MethodStatistics items = stats("itemsOn");
        MethodStatistics books = stats("booksBy");
        MethodStatistics colors = stats("itemsColored");

        // a new book on shelf s1: three tables in one transaction, merged into one change of a CdcBook
        sql("begin; insert into cdc.cdc_item (id, shelf) values (1003, 's1'); insert into cdc.cdc_item_detail (id, color) values (1003, 'red');"
                + " insert into cdc.cdc_book (id, author) values (1003, 'x'); commit");
        settle();
        assertThat(q.itemsOn("s1")).containsExactly(1001L, 1003L);                 // db hit
        assertThat(q.itemsOn("s2")).containsExactly(1002L);                        // cache hit
        assertThat(q.booksBy("x")).containsExactly(1001L, 1003L);                  // db hit
        assertThat(q.booksBy("z")).containsExactly(1002L);                         // cache hit
        assertThat(q.itemsColored("red")).containsExactly(1001L, 1003L);           // db hit (secondary table)
        assertThat(q.itemsColored("blue")).containsExactly(1002L);                 // cache hit
        assertThat(stats("itemsOn").loads() - items.loads()).isEqualTo(1);
        assertThat(stats("booksBy").loads() - books.loads()).isEqualTo(1);
        assertThat(stats("itemsColored").loads() - colors.loads()).isEqualTo(1);
        assertThat(stats("itemsOn").hits() - items.hits()).isEqualTo(1);
        assertThat(stats("booksBy").hits() - books.hits()).isEqualTo(1);
        assertThat(stats("itemsColored").hits() - colors.hits()).isEqualTo(1);

        // book 1001 moves from author x to y: a row of the subclass table only
        items = stats("itemsOn");
        books = stats("booksBy");
        sql("update cdc.cdc_book set author = 'y' where id = 1001");
        settle();
        assertThat(q.booksBy("x")).containsExactly(1003L);                         // db hit: old group
        assertThat(q.booksBy("y")).containsExactly(1001L);                         // db hit: new group
        assertThat(q.booksBy("z")).containsExactly(1002L);                         // cache hit
        assertThat(stats("booksBy").loads() - books.loads()).isEqualTo(2);
        assertThat(stats("booksBy").hits() - books.hits()).isEqualTo(1);
        // the row does not show the item's shelf (another table): itemsOn drops every group, as documented
        assertThat(q.itemsOn("s2")).containsExactly(1002L);                        // db hit
        assertThat(stats("itemsOn").loads() - items.loads()).isEqualTo(1);
    }

    /**
     * The application's own transactions come back through the capture (no echo suppression): the group is dropped a
     * second time. That costs one reload if, and only if, the group is read between the application's commit and the
     * echo (the latency window); a group read only later pays nothing.
     */
    @Test
    void echo_ofTheApplicationsOwnWrites_costsOneReloadOnlyWhenReadWithinTheWindow() throws Exception {
        sql("insert into cdc.cdc_post (id, title, category) values (1101, 'echo', 'e')");
        settle();
        int n = 20;
        MethodStatistics start = stats("comments");
        for (int i = 0; i < n; i++) {
            long id = 110_000 + i;
            sink.hold();                                                            // the echo waits until the read below
            try {
                jpa.tx(em -> em.persist(new CdcComment(id, "e", em.getReference(CdcPost.class, 1101L))));   // dropped at commit
                assertThat(q.comments(1101)).hasSize(i + 1);                      // db hit: the application's own drop
            } finally {
                sink.release();
            }
            settle();                                                               // the echo arrives
            assertThat(q.comments(1101)).hasSize(i + 1);                          // db hit: the echo dropped it again
        }
        long readInWindow = stats("comments").loads() - start.loads() - n;
        MethodStatistics middle = stats("comments");
        for (int i = n; i < 2 * n; i++) {
            long id = 110_000 + i;
            jpa.tx(em -> em.persist(new CdcComment(id, "e", em.getReference(CdcPost.class, 1101L))));
            settle();                                                               // nobody reads before the echo
            assertThat(q.comments(1101)).hasSize(i + 1);                          // db hit: one load per write
        }
        long readAfter = stats("comments").loads() - middle.loads() - n;
        System.out.printf("CDC ECHO %d application transactions: %d extra loads when each group is read within the echo window,"
                + " %d when read after it%n", n, readInWindow, readAfter);
        assertThat(readInWindow).isEqualTo(n);
        assertThat(readAfter).isZero();
    }
}
