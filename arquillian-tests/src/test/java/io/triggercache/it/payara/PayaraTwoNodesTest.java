package io.triggercache.it.payara;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.it.server.shared.ArticleService;
import io.triggercache.it.server.shared.NodeClient;
import io.triggercache.it.server.shared.SharedDatabase;
import io.triggercache.it.server.shared.SharedWars;
import io.triggercache.it.server.shared.TwoNodeStories;
import io.triggercache.it.server.shared.payara.HitCostServlet;
import io.triggercache.it.server.shared.payara.Jsr107Titles;
import io.triggercache.it.server.shared.payara.PayaraStoreProducer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two Payara Micro instances clustered with each other (Payara's Hazelcast data grid, TCP/IP join on 127.0.0.1), both
 * running the same WAR over one database (an H2 server of this test on 127.0.0.1). The WAR declares its store as
 * docs/cluster.md tells users to: a {@code CacheStore} producer over the injected {@code CacheManager} (Payara's own
 * Hazelcast JCache). Shown here: the data grid is shared (a JSR-107 entry put on A is a hit on B); triggercache's entries
 * are shared through it and a commit on one node is seen by the other; and, in the same WAR, the cost of one hit through Payara's
 * {@code @CacheResult} against one through triggercache's {@code @Cached}.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PayaraTwoNodesTest {

    private static final long BOOT_TIMEOUT_SECONDS = 300;
    private static final long CLUSTER_TIMEOUT_SECONDS = 90;
    // one request runs the loop: 3 x 7,000 calls of 1-300 us stay far below Payara's 30 s request timeout,
    // which a CI run under load once hit with 20,000 + 5,000 (the connection closed, the loop ran on)
    private static final int HITS = 5_000;
    private static final int WARM_UP = 2_000;

    private static SharedDatabase db;
    private static PayaraMicroNode nodeA;
    private static PayaraMicroNode nodeB;
    private static NodeClient a;
    private static NodeClient b;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        db = SharedDatabase.start("tcpayara", 3);
        Path work = Files.createTempDirectory(Path.of(System.getProperty("it.target")), "payara-two-nodes");
        Path war = work.resolve("shared.war");
        SharedWars.war("shared", db.url())
                .addClasses(Jsr107Titles.class, HitCostServlet.class)
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "store-producer.jar").addClass(PayaraStoreProducer.class)
                        .addAsManifestResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" bean-discovery-mode=\"annotated\"/>\n"), "beans.xml"))
                .as(ZipExporter.class).exportTo(war.toFile(), true);

        int hz = SharedDatabase.freePortPair();
        String members = "127.0.0.1:" + hz + ",127.0.0.1:" + (hz + 1);
        String cluster = "tc-it-" + UUID.randomUUID().toString().substring(0, 8);
        long start = System.nanoTime();
        // both boot at once: the second one joins the first, or the first the second, whichever is up first
        nodeA = PayaraMicroNode.start("A", work.resolve("A"), war, SharedDatabase.freePort(), hz, members, cluster);
        nodeB = PayaraMicroNode.start("B", work.resolve("B"), war, SharedDatabase.freePort(), hz + 1, members, cluster);
        for (PayaraMicroNode n : new PayaraMicroNode[] {nodeA, nodeB}) {
            boolean ready = n.awaitReady(BOOT_TIMEOUT_SECONDS);
            if (!ready) {
                Files.writeString(n.consoleFile(), n.console());
            }
            assertThat(ready).as("Payara Micro " + n.name() + " booted with shared.war (see " + n.consoleFile() + ")").isTrue();
            assertThat(n.console()).as("node " + n.name() + " deployed shared.war (see " + n.consoleFile() + ")").doesNotContain("Exception while loading the app");
        }
        for (PayaraMicroNode n : new PayaraMicroNode[] {nodeA, nodeB}) {
            assertThat(n.awaitConsole(l -> l.contains("DG Size: 2"), CLUSTER_TIMEOUT_SECONDS))
                    .as("node " + n.name() + " sees a data grid of two members (see " + n.consoleFile() + ")").isTrue();
        }
        System.out.printf("[triggercache-it] two Payara Micro nodes clustered (Hazelcast TCP/IP on 127.0.0.1:%d-%d) with shared.war in %d ms%n",
                hz, hz + 1, (System.nanoTime() - start) / 1_000_000);
        a = new NodeClient("A", "http://127.0.0.1:" + nodeA.httpPort + "/shared");
        b = new NodeClient("B", "http://127.0.0.1:" + nodeB.httpPort + "/shared");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            for (PayaraMicroNode n : new PayaraMicroNode[] {nodeA, nodeB}) {
                if (n != null) {
                    n.close();
                }
            }
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    @Test
    void payarasDataGrid_isShared_anEntryThatJsr107CachedOnAIsAHitOnB() {
        long id = 3;
        Map<String, String> onA = NodeClient.keyValues(a.get("/hitcost?id=" + id));
        assertThat(onA.get("value")).isEqualTo("article 3");
        long bodyOnB = Long.parseLong(NodeClient.keyValues(b.get("/hitcost?id=" + id)).get("body"));
        Map<String, String> onB = NodeClient.keyValues(b.get("/hitcost?id=" + id));
        assertThat(onB.get("value")).isEqualTo("article 3");
        assertThat(Long.parseLong(onB.get("body"))).as("B's @CacheResult call was served from the entry A put in Payara's Hazelcast").isEqualTo(bodyOnB);
    }

    /**
     * The engine on each node uses the application's {@code CacheStore} producer over Payara's Hazelcast (until
     * the fix in {@code TriggerCacheExtension}, which now takes the beans the container reported while processing
     * the deployment, it fell back to a node-local Ehcache on Payara), so an entry loaded on A is a hit on B and a
     * commit on either node is seen by the other's next call.
     */
    @Test
    void theApplicationsStoreOverPayarasHazelcast_isSharedByBothNodes_andACommitIsSeenAcross() throws Exception {
        for (NodeClient node : new NodeClient[] {a, b}) {
            Map<String, String> diag = NodeClient.keyValues(node.get("/api/diag"));
            assertThat(diag.get("engineStore")).as("the store triggercache's engine uses on node " + node.name())
                    .doesNotContain("urn:triggercache:embedded:").contains("tokens SHARED");
        }
        TwoNodeStories.anEntryLoadedOnAIsAHitOnB_andACommitOnOneNodeIsSeenByTheOther(db, a, b, 1);
    }

    @Test
    void hitCost_payarasCacheResult_againstTriggercache() throws Exception {
        long id = 2;   // no test changes article 2: the @CacheResult entry, which nothing invalidates, stays right
        Map<String, String> r = NodeClient.keyValues(a.get("/hitcost?id=" + id + "&n=" + HITS + "&warmup=" + WARM_UP));
        String expected = db.title(id);
        assertThat(expected).isEqualTo("article 2");
        for (String name : new String[] {"jsr107", ArticleService.TITLE, ArticleService.TITLE_NEAR}) {
            assertThat(r.get(name + ".value")).as(name).isEqualTo(expected);
            assertThat(r.get(name + ".mismatches")).as(name).isEqualTo("0");
        }
        assertThat(r.get("jsr107.bodyCallsTimed")).as("@CacheResult: every timed call was a hit (the body never ran)").isEqualTo("0");
        assertThat(Long.parseLong(r.get("jsr107.bodyCallsTotal"))).isLessThanOrEqualTo(1);
        for (String name : new String[] {ArticleService.TITLE, ArticleService.TITLE_NEAR}) {
            assertThat(r.get(name + ".hitsTimed")).as(name + ": triggercache counted every timed call as a hit").isEqualTo(String.valueOf(HITS));
            assertThat(Long.parseLong(r.get(name + ".loadsTotal"))).as(name).isLessThanOrEqualTo(1);
            assertThat(r.get(name + ".errorsTotal")).as(name).isEqualTo("0");
        }
        String engineStore = NodeClient.keyValues(a.get("/api/diag")).get("engineStore");
        double jsr = Long.parseLong(r.get("jsr107.nsPerOp")) / 1000.0;
        double strict = Long.parseLong(r.get("title.nsPerOp")) / 1000.0;
        double near = Long.parseLong(r.get("titleNear.nsPerOp")) / 1000.0;
        System.out.printf("hit cost on Payara (Payara Micro 6.2025.10, Hazelcast JCache, 2 members on one host, %d hits after %d warm-up, "
                        + "per call through the CDI proxy): @CacheResult (Payara's Hazelcast JCache) %.1f us, @Cached %.2f us (%.3fx), "
                        + "@Cached with near(NEAR) %.2f us (%.3fx); triggercache's store: %s%n",
                HITS, WARM_UP, jsr, strict, strict / jsr, near, near / jsr, engineStore);
    }
}
