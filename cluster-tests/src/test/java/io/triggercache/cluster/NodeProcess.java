package io.triggercache.cluster;

import static org.awaitility.Awaitility.await;

import io.triggercache.cluster.node.NodeMain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An application node in a JVM of its own ({@link NodeMain} on this test's class path), and the client of
 * its line protocol on 127.0.0.1. Output goes to {@code target/nodes/<name>.log}.
 */
final class NodeProcess implements AutoCloseable {

    final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private NodeProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a node and waits (at most 90 s) until it listens. */
    static NodeProcess start(String name, Map<String, String> arguments) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "nodes"));
            Path portFile = directory.resolve(name + "-" + System.nanoTime() + ".port");
            Path log = directory.resolve(name + ".log");
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.add("-Xmx384m");
            command.add("-XX:+UseSerialGC");
            command.add("-Djava.net.preferIPv4Stack=true");
            command.add("-Dhazelcast.phone.home.enabled=false");
            command.add("-Dh2.bindAddress=127.0.0.1");
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(NodeMain.class.getName());
            command.add("name=" + name);
            command.add("portFile=" + portFile.toAbsolutePath());
            arguments.forEach((key, value) -> command.add(key + "=" + value));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .until(() -> Files.exists(portFile) || !process.isAlive());
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " exited with " + process.exitValue() + ", see " + log);
            }
            return new NodeProcess(name, process, Integer.parseInt(Files.readString(portFile).strip()), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one command on a connection of its own and returns the answer after {@code OK }. */
    String call(String command) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            socket.setSoTimeout(120_000);
            out.println(command);
            String answer = in.readLine();
            if (answer == null || !answer.startsWith("OK ")) {
                throw new IllegalStateException("node " + name + " answered " + answer + " to " + command + " (log " + log + ")");
            }
            return answer.substring(3);
        } catch (IOException e) {
            throw new UncheckedIOException("node " + name + " did not answer " + command + " (log " + log + ")"
                    + threadOf("command " + command), e);
        }
    }

    /**
     * The stack of the node's thread named {@code thread}, from a thread dump taken now (also appended to the
     * node's log), so that a node that does not answer says where it waits; empty if no dump can be taken.
     */
    private String threadOf(String thread) {
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true).start();
            String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            dump.waitFor(30, TimeUnit.SECONDS);
            Files.writeString(log, System.lineSeparator() + text, java.nio.file.StandardOpenOption.APPEND);
            for (String block : text.split("\\R\\R")) {
                if (block.startsWith("\"" + thread + "\"")) {
                    String[] lines = block.split("\\R");
                    String stack = String.join(" <- ", java.util.Arrays.copyOfRange(lines, 1, Math.min(lines.length, 40)));
                    System.out.println("node " + name + ", thread '" + thread + "': " + block);
                    return "; its thread: " + stack;
                }
            }
            return "; no thread '" + thread + "' in its thread dump (appended to the log)";
        } catch (IOException | RuntimeException e) {
            return "; no thread dump: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "; no thread dump: interrupted";
        }
    }

    /** The same, answered later. */
    CompletableFuture<String> callAsync(String command) {
        return CompletableFuture.supplyAsync(() -> call(command));
    }

    /** The node's process id (to cut its connections only: {@link TcpProxy#cutFrom}). */
    long pid() {
        return process.pid();
    }

    String title(long id) {
        return call("title " + id);
    }

    /** Renames in a committed transaction; returns the node's {@code System.nanoTime()} after commit returned. */
    long rename(long id, String title) {
        return Long.parseLong(call("rename " + id + " " + title));
    }

    long loads() {
        return Long.parseLong(call("loads"));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
