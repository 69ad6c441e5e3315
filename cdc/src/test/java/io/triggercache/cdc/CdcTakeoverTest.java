package io.triggercache.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triggercache.cdi.TriggerCacheExtension;
import io.triggercache.spi.ChangeSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two nodes share one slot under an advisory lock: exactly one consumes. The consuming node, a separate JVM
 * ({@link ChildNode}), is killed with SIGKILL mid-stream; the other (this JVM) takes over, and every change written
 * meanwhile is reported by one of them, which the test counts.
 */
@Tag("postgres")
class CdcTakeoverTest {

    static final String SLOT = "tc_cdc_takeover";
    static final String PUBLICATION = "tc_cdc_takeover";
    static final long LOCK = 0x7463_6364_0001L;
    private static final Duration WAIT = Duration.ofSeconds(30);

    static WeldContainer container;
    static CdcQueries q;
    static CdcJpa jpa;
    static ChangeSink engine;
    static Path offsetsA;
    static Path offsetsB;
    static Process a;
    static Path idsA;
    static Path logA;
    static TriggerCacheCdc b;
    static RecordingSink sinkB;

    @BeforeAll
    static void start() throws Exception {
        Slots.drop(SLOT, PUBLICATION);
        container = new Weld().disableDiscovery().addBeanClasses(CdcQueries.class, CdcJpa.class)
                .addExtension(new TriggerCacheExtension()).initialize();
        q = container.select(CdcQueries.class).get();
        jpa = container.select(CdcJpa.class).get();
        engine = container.select(ChangeSink.class).get();
        jpa.emf();
        sql("alter table cdc.cdc_post replica identity full", "alter table cdc.cdc_comment replica identity full");
        offsetsA = Files.createTempFile("cdc-node-a", ".offsets");
        offsetsB = Files.createTempFile("cdc-node-b", ".offsets");
        Files.delete(offsetsA);
        Files.delete(offsetsB);
        idsA = Files.createTempFile("cdc-node-a", ".ids");
        logA = Path.of("target", "cdc-node-a.log");
        a = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "-Djava.util.logging.config.file=" + System.getProperty("java.util.logging.config.file", ""),
                ChildNode.class.getName(), SLOT, PUBLICATION, Long.toString(LOCK), offsetsA.toString(), idsA.toString())
                .redirectErrorStream(true).redirectOutput(logA.toFile()).start();
        await("node a (child JVM) consumes").atMost(Duration.ofSeconds(60))
                .until(() -> !a.isAlive() || Files.readString(logA).contains("CONSUMING"));
        assertThat(a.isAlive()).as("node a (child JVM) runs; see " + logA).isTrue();
        sinkB = new RecordingSink(engine);
        b = node("b", sinkB, offsetsB);
    }

    static TriggerCacheCdc node(String name, RecordingSink sink, Path offsets) {
        return TriggerCacheCdc.builder().sessionFactory(jpa.emf()).sink(sink)
                .jdbc("127.0.0.1", 5432, "test", "postgres")
                .slot(SLOT).publication(PUBLICATION).schemas("cdc")
                .consumerLock(LOCK, Duration.ofMillis(200)).node(name)
                .offsets(offsets).start();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (a != null) {
                a.destroyForcibly().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            if (b != null) {
                b.close();
            }
        } finally {
            try {
                Slots.drop(SLOT, PUBLICATION);
            } finally {
                if (container != null) {
                    container.shutdown();
                }
                for (Path p : new Path[] {offsetsA, offsetsB, idsA}) {
                    if (p != null) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    static void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(CdcJpa.URL, "postgres", ""); Statement s = c.createStatement()) {
            for (String st : statements) {
                s.execute(st);
            }
        }
    }

    static Set<Object> reportedByA() throws java.io.IOException {
        Set<Object> ids = new HashSet<>();
        for (String line : Files.readAllLines(idsA)) {
            if (!line.isBlank()) {
                ids.add(Long.parseLong(line.trim()));
            }
        }
        return ids;
    }

    @Test
    void consumerKilledMidStream_otherNodeTakesOver_noChangeLost() throws Exception {
        assertThat(a.isAlive()).isTrue();                                          // the first node took the lock
        assertThat(b.isConsuming()).isFalse();                                     // the second stands by
        sql("insert into cdc.cdc_post (id, title, category) values (1, 'p1', 't')");
        int n = 300;
        int killAt = 100;
        long killed = 0;
        try (Connection c = DriverManager.getConnection(CdcJpa.URL, "postgres", "");
             PreparedStatement ps = c.prepareStatement("insert into cdc.cdc_comment (id, text, post_id) values (?, 'c', 1)")) {
            for (int i = 0; i < n; i++) {
                ps.setLong(1, 10_000 + i);
                ps.executeUpdate();                                                 // one commit per comment
                if (i == killAt) {
                    long first = 10_000L;
                    await().atMost(WAIT).until(() -> reportedByA().contains(first));   // mid-stream: a is consuming
                    a.destroyForcibly();                                            // SIGKILL: no shutdown, no offset flush
                    killed = System.nanoTime();
                }
            }
        }
        await().atMost(WAIT).until(() -> b.isConsuming());
        long takeover = System.nanoTime() - killed;
        assertThat(a.isAlive()).isFalse();                                         // exactly one consumer

        Set<Object> expected = new HashSet<>();
        for (int i = 0; i < n; i++) {
            expected.add(10_000L + i);
        }
        await().atMost(WAIT).until(() -> {
            Set<Object> seen = new HashSet<>(reportedByA());
            seen.addAll(sinkB.commentIds);
            return seen.containsAll(expected);
        });
        Set<Object> byA = reportedByA();
        Set<Object> both = new HashSet<>(byA);
        both.retainAll(sinkB.commentIds);
        System.out.printf("CDC TAKEOVER %d commits, node a (killed) reported %d, node b %d (%d by both), node b consuming %.0f ms after the kill%n",
                n, byA.size(), sinkB.commentIds.size(), both.size(), takeover / 1e6);
        assertThat(byA).isNotEmpty();
        assertThat(sinkB.commentIds).isNotEmpty();
        assertThat(q.comments(1)).hasSize(n);                                       // db hit: dropped, all there
    }
}
