package io.triggercache.it.wildfly;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A WildFly 38 of its own for the metrics and health test, from the suite's unpacked distribution: a copy of
 * {@code standalone/configuration} as its base directory, with the MicroProfile Health subsystem and the Micrometer
 * subsystem (its Prometheus registry at {@code /prometheus} on the management port) added to {@code standalone.xml}
 * as the CLI commands of docs/metrics.md write them, every port moved by a port offset onto 127.0.0.1, and the WAR
 * deployed by the deployment scanner. The Prometheus registry is a community-stability feature, which WildFly
 * accepts at its default stability level ("Minimum feature stability level: community" in the boot log),
 * so no {@code --stability} option is needed. A server of its own rather than the Arquillian one, so that the suite's
 * other WARs, and the servers other tests start from a copy of the Arquillian server's configuration, run without
 * these two subsystems.
 */
final class WildFlyMetricsServer implements AutoCloseable {

    /** The ports of standalone.xml's socket bindings, before the offset. */
    private static final int[] PORTS = {8080, 8443, 8009, 9990, 9993, 4712, 4713};

    /** What docs/metrics.md's CLI commands add (checked with jboss-cli's embed-server), as standalone.xml elements. */
    static final String EXTENSIONS = """
                    <extension module="org.wildfly.extension.micrometer"/>
                    <extension module="org.wildfly.extension.microprofile.health-smallrye"/>
                </extensions>""";
    static final String SUBSYSTEMS = """
                    <subsystem xmlns="urn:wildfly:micrometer:community:2.0">
                        <prometheus-registry context="/prometheus" security-enabled="false"/>
                    </subsystem>
                    <subsystem xmlns="urn:wildfly:microprofile-health-smallrye:3.0" security-enabled="false"/>
                </profile>""";

    private final Process process;
    private final Path base;
    private final String war;
    final int httpPort;
    final int managementPort;

    private WildFlyMetricsServer(Process process, Path base, String war, int offset) {
        this.process = process;
        this.base = base;
        this.war = war;
        this.httpPort = 8080 + offset;
        this.managementPort = 9990 + offset;
    }

    static WildFlyMetricsServer start(Path jbossHome, Path base, Path war) throws IOException {
        Files.createDirectories(base.resolve("deployments"));
        Path configuration = base.resolve("configuration");
        Files.createDirectories(configuration);
        try (Stream<Path> files = Files.list(jbossHome.resolve("standalone").resolve("configuration"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, configuration.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path xml = configuration.resolve("standalone.xml");
        String config = Files.readString(xml)
                .replaceAll("(?s)<deployments>.*?</deployments>", "")     // what Arquillian may have deployed meanwhile
                .replaceFirst("\\s*</extensions>", "\n" + EXTENSIONS)
                .replaceFirst("\\s*</profile>", "\n" + SUBSYSTEMS);
        if (!config.contains("urn:wildfly:micrometer:community:2.0") || !config.contains("org.wildfly.extension.microprofile.health-smallrye")) {
            throw new IllegalStateException("could not add the subsystems to " + xml);
        }
        Files.writeString(xml, config);
        Files.copy(war, base.resolve("deployments").resolve(war.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        int offset = freeOffset();
        ProcessBuilder pb = new ProcessBuilder(List.of(jbossHome.resolve("bin").resolve("standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + offset,
                "-Djboss.bind.address=127.0.0.1", "-Djboss.bind.address.management=127.0.0.1", "-Djboss.bind.address.private=127.0.0.1"))
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("console.log").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("JAVA_OPTS", "-Xms64m -Xmx768m -Djava.net.preferIPv4Stack=true");
        return new WildFlyMetricsServer(pb.start(), base, war.getFileName().toString(), offset);
    }

    /**
     * Waits (bounded) for the scanner's marker: returns normally on {@code .deployed}; throws, naming the log, on
     * {@code .failed}, the process' end or the time out.
     */
    void awaitDeployed(Duration atMost) {
        Path deployed = base.resolve("deployments").resolve(war + ".deployed");
        Path failed = base.resolve("deployments").resolve(war + ".failed");
        await("the deployment of " + war + " (see " + serverLog() + ")").atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.exists(deployed) || Files.exists(failed) || !process.isAlive());
        if (!Files.exists(deployed)) {
            throw new IllegalStateException(war + " did not deploy (" + (process.isAlive() ? "failed" : "the server stopped")
                    + "); see " + serverLog() + " and " + base.resolve("console.log"));
        }
    }

    Path serverLog() {
        return base.resolve("log").resolve("server.log");
    }

    /** An offset that moves every port of standalone.xml onto a free one of 127.0.0.1. */
    private static int freeOffset() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(20_000, 50_000);
            if (allFree(offset)) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port offset for the metrics WildFly");
    }

    private static boolean allFree(int offset) {
        for (int port : PORTS) {
            try (ServerSocket s = new ServerSocket(port + offset, 1, InetAddress.getLoopbackAddress())) {
                s.getLocalPort();
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** Stops the server (the JVM under the script first), bounded. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        for (ProcessHandle c : children) {
            try {
                c.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                c.destroyForcibly();
            }
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
