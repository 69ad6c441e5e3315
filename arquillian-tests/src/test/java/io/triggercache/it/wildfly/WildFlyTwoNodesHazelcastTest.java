package io.triggercache.it.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.it.server.shared.ArticleService;
import io.triggercache.it.server.shared.NodeClient;
import io.triggercache.it.server.shared.SharedDatabase;
import io.triggercache.it.server.shared.SharedWars;
import io.triggercache.it.server.shared.TwoNodeStories;
import io.triggercache.it.server.shared.wildfly.EmbeddedHazelcastStoreProducer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shared store docs/cluster.md recommends for WildFly, in two WildFly 38 nodes: a Hazelcast member embedded in
 * the WAR on each node (TCP/IP join on 127.0.0.1, multicast and auto-detection off), a {@code JCacheStore} over its
 * JCache, one database for both (an H2 server of this test on 127.0.0.1). Node A is Arquillian's WildFly (the one the
 * other suites use), node B a second WildFly started by this test from the same distribution with a port offset.
 * An entry loaded on A is a hit on B, and a commit on either node makes the other's next call fresh (I1 across nodes).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Timeout(value = 10, unit = TimeUnit.MINUTES)
public class WildFlyTwoNodesHazelcastTest {

    private static final String WAR = "shared";
    private static SharedDatabase db;
    private static Path war;
    private static WildFlyNode nodeB;
    private static NodeClient a;
    private static NodeClient b;

    /** The database and the WAR (which names it and the Hazelcast ports), made once: Arquillian deploys it to node A. */
    @Deployment(testable = false)
    public static WebArchive deployment() throws Exception {
        db = SharedDatabase.start("tcwildfly", 3);
        int hz = SharedDatabase.freePortPair();
        String properties = "cluster=tc-it-" + UUID.randomUUID().toString().substring(0, 8) + "\nport=" + hz
                + "\nmembers=127.0.0.1:" + hz + ",127.0.0.1:" + (hz + 1) + "\n";
        WebArchive archive = SharedWars.war(WAR, db.url())
                .addClass(EmbeddedHazelcastStoreProducer.class)
                .addAsLibraries(hazelcastLibraries())
                .addAsResource(new StringAsset(properties), "tc-hazelcast.properties");
        Path work = Files.createTempDirectory(Path.of(System.getProperty("it.target", "target")), "wildfly-two-nodes");
        war = work.resolve(WAR + ".war");
        archive.as(ZipExporter.class).exportTo(war.toFile(), true);
        return archive;
    }

    @BeforeAll
    static void startNodeB() throws Exception {
        long start = System.nanoTime();
        Path jbossHome = Path.of(Objects.requireNonNull(System.getProperty("jboss.home"), "jboss.home"));
        nodeB = WildFlyNode.start(jbossHome, war.getParent().resolve("node-b"), war);
        assertThat(nodeB.awaitDeployed(240)).as("the second WildFly deployed " + WAR + ".war (see " + nodeB.serverLog() + ")").isTrue();
        a = new NodeClient("A", "http://127.0.0.1:" + System.getProperty("wildfly.http.port") + "/" + WAR);
        b = new NodeClient("B", "http://127.0.0.1:" + nodeB.httpPort + "/" + WAR);
        // the store (and its member) opens with the deployment; wait until the two members see each other
        Awaitility.await("a data grid of two members").atMost(90, TimeUnit.SECONDS).pollInterval(500, TimeUnit.MILLISECONDS)
                .until(() -> "2".equals(a.store().get("members")) && "2".equals(b.store().get("members")));
        System.out.printf("[triggercache-it] second WildFly up with %s.war, Hazelcast members A and B joined, in %d ms%n", WAR,
                (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (nodeB != null) {
                nodeB.close();
            }
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    @Test
    void theStoreIsTheEmbeddedHazelcast_anEntryLoadedOnAIsAHitOnB_andACommitOnOneNodeIsSeenByTheOther() throws Exception {
        for (NodeClient node : new NodeClient[] {a, b}) {
            Map<String, String> store = node.store();
            assertThat(store.get("provider")).as("the JCache provider under node " + node.name() + "'s store").containsIgnoringCase("hazelcast");
            assertThat(store.get("placement")).isEqualTo("SHARED");
            assertThat(store.get("near." + ArticleService.TITLE)).isEqualTo("STRICT");
        }
        TwoNodeStories.anEntryLoadedOnAIsAHitOnB_andACommitOnOneNodeIsSeenByTheOther(db, a, b, 1);
    }

    @Test
    void nearMode_theCommittingNodeIsFreshAtOnce_andTheOtherWithinTheWindow() throws Exception {
        long id = 2;
        assertThat(a.titleNear(id)).isEqualTo("article 2");
        assertThat(b.titleNear(id)).isEqualTo("article 2");
        Map<String, Long> b0 = b.stats(ArticleService.TITLE_NEAR);
        assertThat(b.titleNear(id)).isEqualTo("article 2");
        assertThat(TwoNodeStories.delta(b0, b.stats(ArticleService.TITLE_NEAR))).containsEntry("hits", 1L).containsEntry("loads", 0L);

        a.setTitle(id, "near edit");
        assertThat(a.titleNear(id)).as("the node that committed never serves its own stale value").isEqualTo("near edit");
        // B learns of the drop through Hazelcast's events: fresh within the NEAR window (milliseconds; bounded here)
        Awaitility.await("B fresh after A's commit").atMost(5, TimeUnit.SECONDS).pollInterval(20, TimeUnit.MILLISECONDS)
                .until(() -> b.titleNear(id).equals("near edit"));
        assertThat(b.stats(ArticleService.TITLE_NEAR).get("errors")).isZero();
    }

    private static File[] hazelcastLibraries() {
        File dir = new File(Objects.requireNonNull(System.getProperty("it.hazelcastLibs"), "system property it.hazelcastLibs (set by the build)"));
        File[] jars = dir.listFiles((d, n) -> n.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("expected the Hazelcast jar in " + dir + ", found " + Arrays.toString(jars));
        }
        return jars;
    }
}
