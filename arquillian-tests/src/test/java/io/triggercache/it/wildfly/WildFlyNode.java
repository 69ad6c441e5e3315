package io.triggercache.it.wildfly;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second WildFly, started by the test from the same unpacked distribution as Arquillian's: a copy of
 * {@code standalone/configuration} as its own base directory, every port moved by a port offset, everything bound to
 * 127.0.0.1, and the WAR deployed by the deployment scanner (copied into {@code deployments/} before the boot).
 */
final class WildFlyNode implements AutoCloseable {

    /** The ports of standalone.xml's socket bindings, before the offset. */
    private static final int[] PORTS = {8080, 8443, 8009, 9990, 9993, 4712, 4713};

    private final Process process;
    private final Path base;
    private final String war;
    final int httpPort;

    private WildFlyNode(Process process, Path base, String war, int httpPort) {
        this.process = process;
        this.base = base;
        this.war = war;
        this.httpPort = httpPort;
    }

    static WildFlyNode start(Path jbossHome, Path base, Path war) throws IOException {
        Files.createDirectories(base.resolve("deployments"));
        Path configuration = base.resolve("configuration");
        Files.createDirectories(configuration);
        try (Stream<Path> files = Files.list(jbossHome.resolve("standalone").resolve("configuration"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, configuration.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // the copy holds what Arquillian deployed on the first server (the same WAR): this one deploys it by the scanner only
        Path xml = configuration.resolve("standalone.xml");
        Files.writeString(xml, Files.readString(xml).replaceAll("(?s)<deployments>.*?</deployments>", ""));
        Files.copy(war, base.resolve("deployments").resolve(war.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        int offset = freeOffset();
        ProcessBuilder pb = new ProcessBuilder(List.of(jbossHome.resolve("bin").resolve("standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + offset,
                "-Djboss.bind.address=127.0.0.1", "-Djboss.bind.address.management=127.0.0.1", "-Djboss.bind.address.private=127.0.0.1"))
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("console.log").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("JAVA_OPTS", "-Xms64m -Xmx768m -Djava.net.preferIPv4Stack=true");
        return new WildFlyNode(pb.start(), base, war.getFileName().toString(), 8080 + offset);
    }

    /** Waits for the scanner's marker: true for {@code .deployed}, false for {@code .failed}, the process' end or the time out. */
    boolean awaitDeployed(long seconds) throws InterruptedException {
        Path deployed = base.resolve("deployments").resolve(war + ".deployed");
        Path failed = base.resolve("deployments").resolve(war + ".failed");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.exists(deployed)) {
                return true;
            }
            if (Files.exists(failed)) {
                return false;
            }
            Thread.sleep(200);
        }
        return false;
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
        throw new IllegalStateException("no free port offset for the second WildFly");
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
