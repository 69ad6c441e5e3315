package io.triggercache.it.payara;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.it.server.BrokenDeployments;
import io.triggercache.it.server.broken.ManyProblems;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.Test;

/**
 * A WAR with four invalid declarations, given to Payara Micro as a user would ({@code java -jar payara-micro.jar
 * --deploy app.war}): the deployment fails and the server's log, what the user reads, lists all four problems.
 * Payara Micro boots once per deployment, so this runs one server process itself and reads its console.
 */
class PayaraDeploymentFailureTest {

    private static final long BOOT_TIMEOUT_SECONDS = 240;

    @Test
    void severalProblems_allReachTheServerLog_andNothingIsDeployed() throws Exception {
        Path work = Files.createTempDirectory(Path.of(System.getProperty("it.target")), "payara-broken");
        File war = work.resolve("many-problems.war").toFile();
        BrokenDeployments.war("many-problems", ManyProblems.class).as(ZipExporter.class).exportTo(war, true);

        long start = System.nanoTime();
        PayaraMicroNode server = PayaraMicroNode.launch("broken", work, 18180, List.of("-Xmx512m"),
                List.of("--nocluster", "--port", "18180", "--autobindhttp", "--deploy", war.getAbsolutePath()));
        try {
            assertThat(server.awaitBootEnd(BOOT_TIMEOUT_SECONDS)).as("Payara Micro finished booting").isTrue();
        } finally {
            server.close();                                    // also writes console.log in the work directory
        }
        System.out.printf("[triggercache-it] Payara Micro booted with many-problems.war (deployment failed, as expected) in %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        String console = server.console();

        assertThat(console).as("Payara Micro booted (see " + work.resolve("console.log") + ")").contains(" ready in ");
        for (String line : BrokenDeployments.MANY) {
            assertThat(console).contains(line);
        }
        assertThat(console).contains("Exception while loading the app : CDI deployment failure:4 invalid @Cached declarations (triggercache):");
        // Payara Micro boots on without the application: nothing under "Deployed", no URL for it
        assertThat(console).doesNotContain("\"Context Root\": \"/many-problems\"");
        assertThat(List.of(console.split("\n"))).noneMatch(l -> l.contains("/many-problems") && l.startsWith("http"));
    }
}
