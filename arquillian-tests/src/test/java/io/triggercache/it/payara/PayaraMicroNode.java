package io.triggercache.it.payara;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One Payara Micro process, started the way a user would ({@code java -jar payara-micro.jar ... --deploy app.war}),
 * its console kept in memory and written to {@code console.log} in its work directory on {@link #close()}. A
 * cluster member ({@link #start}): Hazelcast's TCP/IP join over the given members, on the 127.0.0.1 interface only
 * ({@code --interfaces}, and {@code hazelcast.socket.bind.any=false} so that the data grid does not listen on every
 * interface), so no multicast; HTTP on 127.0.0.1 ({@code payara-preboot.txt}). Any other set-up: {@link #launch}.
 */
final class PayaraMicroNode implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path work;
    private final StringBuilder console = new StringBuilder();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread reader;
    final int httpPort;

    private PayaraMicroNode(String name, Process process, Path work, int httpPort) {
        this.name = name;
        this.process = process;
        this.work = work;
        this.httpPort = httpPort;
        this.reader = new Thread(this::read, "payara-console-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a node; returns at once (see {@link #awaitReady}).
     *
     * @param members the data grid's TCP/IP members, {@code 127.0.0.1:5900,127.0.0.1:5901}
     * @param hzPort the port this member tries first
     */
    static PayaraMicroNode start(String name, Path work, Path war, int httpPort, int hzPort, String members, String cluster, String... jvmOptions)
            throws IOException {
        List<String> jvm = new ArrayList<>(List.of("-Xms128m", "-Xmx512m", "-Dhazelcast.socket.bind.any=false", "-Dhazelcast.phone.home.enabled=false"));
        jvm.addAll(List.of(jvmOptions));
        return launch(name, work, httpPort, jvm, List.of("--name", name,
                "--clustermode", "tcpip:" + members, "--interfaces", "127.0.0.1", "--startport", String.valueOf(hzPort), "--clustername", cluster,
                "--port", String.valueOf(httpPort), "--deploy", war.toString()));
    }

    /**
     * Starts Payara Micro with these JVM options and Payara Micro options, plus the loopback preboot file and a root
     * directory under {@code work}; returns at once (see {@link #awaitReady}).
     */
    static PayaraMicroNode launch(String name, Path work, int httpPort, List<String> jvmOptions, List<String> microOptions)
            throws IOException {
        Files.createDirectories(work);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", System.getProperty("payara.microJar")));
        cmd.addAll(microOptions);
        cmd.addAll(List.of("--prebootcommandfile", Path.of(System.getProperty("it.target"), "test-classes", "payara-preboot.txt").toString(),
                "--rootdir", work.resolve("root").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        return new PayaraMicroNode(name, p, work, httpPort);
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (console) {
                    console.append(line).append('\n');
                }
                if (line.contains(" ready in ")) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            // the process was stopped
        } finally {
            ready.countDown();
        }
    }

    /** Waits until Payara Micro printed "ready in"; false if it did not (it exited, or the time ran out). */
    boolean awaitReady(long seconds) throws InterruptedException {
        return ready.await(seconds, TimeUnit.SECONDS) && process.isAlive() && console().contains(" ready in ");
    }

    /** Waits until Payara Micro printed "ready in" or its console ended; false if the time ran out first. */
    boolean awaitBootEnd(long seconds) throws InterruptedException {
        return ready.await(seconds, TimeUnit.SECONDS);
    }

    /** Waits until the console holds a line matching {@code line}. */
    boolean awaitConsole(Predicate<String> line, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (console().lines().anyMatch(line)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    String console() {
        synchronized (console) {
            return console.toString();
        }
    }

    String name() {
        return name;
    }

    Path consoleFile() {
        return work.resolve("console.log");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(10_000);
        Files.writeString(consoleFile(), console());
    }
}
