package io.triggercache.rediscluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Redis Cluster of the test's own: 3 masters and 3 replicas of the machine's {@code redis-server} (7.0), each on a
 * free port of 127.0.0.1 in the foreground of a child process, with its {@code nodes-P.conf} in a temporary
 * directory, joined with {@code redis-cli --cluster create ... --cluster-replicas 1}. {@link #close()} kills them all
 * and deletes the directory, as a shutdown hook does should the JVM die first. Never the machine's Redis: never port
 * 6379 (free ports only, and 6379 refused outright).
 */
public final class RedisClusterNodes implements AutoCloseable {

    /** The binaries, overridable with {@code -Dtriggercache.redis-server=...} and {@code -Dtriggercache.redis-cli=...}. */
    static final String SERVER = System.getProperty("triggercache.redis-server", "/usr/bin/redis-server");
    static final String CLI = System.getProperty("triggercache.redis-cli", "/usr/bin/redis-cli");

    private final Path dir;
    private final long nodeTimeoutMillis;
    private final List<Node> nodes = new ArrayList<>();
    private final Thread hook = new Thread(this::stopAll, "redis-cluster-test-nodes-stop");

    private RedisClusterNodes(Path dir, long nodeTimeoutMillis) {
        this.dir = dir;
        this.nodeTimeoutMillis = nodeTimeoutMillis;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts 3 masters and 3 replicas with {@code cluster-node-timeout} as given (a master is failed over about that
     * long after it stops answering), joins them and waits (at most 60 s) until every node says
     * {@code cluster_state:ok}.
     */
    public static RedisClusterNodes start(long nodeTimeoutMillis) {
        Path dir;
        try {
            dir = Files.createTempDirectory("tc-redis-cluster-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RedisClusterNodes cluster = new RedisClusterNodes(dir, nodeTimeoutMillis);
        try {
            for (int i = 0; i < 6; i++) {
                Node node = new Node(free(), dir, nodeTimeoutMillis);
                cluster.nodes.add(node);
                node.start();
            }
            List<String> create = new ArrayList<>(List.of(CLI, "--cluster", "create"));
            cluster.nodes.forEach(n -> create.add("127.0.0.1:" + n.port));
            create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
            run(create, dir.resolve("create.log"), 60);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            // every node sees the whole cluster, and every replica's initial sync from its master is done
            while (!cluster.nodes.stream().allMatch(n -> n.info("cluster", "cluster_state").equals("ok")
                    && n.info("cluster", "cluster_slots_ok").equals("16384")
                    && n.info("cluster", "cluster_known_nodes").equals("6")
                    && (n.info("replication", "role").equals("master")
                        ? n.info("replication", "connected_slaves").equals("1")
                        : n.info("replication", "master_link_status").equals("up")))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the test Redis Cluster did not reach cluster_state:ok in 60 s; see "
                            + dir.resolve("create.log"));
                }
                pause();
            }
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private static void run(List<String> command, Path log, int seconds) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end in " + seconds + " s; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                        + ": " + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);         // bounded poll of a real condition (the cluster state), never an ordering
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code 127.0.0.1:port} of every node, separated by spaces: the seed list. */
    public String addresses() {
        return nodes.stream().map(n -> "127.0.0.1:" + n.port).collect(Collectors.joining(" "));
    }

    /** The ports of the nodes that are masters owning slots now (by each node's own {@code INFO replication}). */
    public List<Integer> masterPorts() {
        return nodes.stream().filter(Node::alive).filter(n -> n.info("replication", "role").equals("master"))
                .map(n -> n.port).collect(Collectors.toList());
    }

    /** How many keys the node on {@code port} holds ({@code DBSIZE}). */
    public long dbsize(int port) {
        return Long.parseLong(node(port).command("DBSIZE").trim().substring(1));
    }

    /** The port of the replica of the master on {@code masterPort}, by its {@code INFO replication}. */
    public int replicaOf(int masterPort) {
        return nodes.stream().filter(Node::alive).filter(n -> n.info("replication", "role").equals("slave")
                && n.info("replication", "master_port").equals(Integer.toString(masterPort)))
                .map(n -> n.port).findFirst()
                .orElseThrow(() -> new IllegalStateException("no replica of 127.0.0.1:" + masterPort));
    }

    /** Kills the node on {@code port} at once (SIGKILL) and waits until its port refuses connections. */
    public void kill(int port) {
        node(port).kill();
    }

    /** Whether the node on {@code port} says it is a master with {@code cluster_state:ok}. */
    public boolean isOkMaster(int port) {
        Node node = node(port);
        return node.alive() && node.info("replication", "role").equals("master")
                && node.info("cluster", "cluster_state").equals("ok");
    }

    /** Whether every live node says {@code cluster_state:ok}. */
    public boolean allOk() {
        return nodes.stream().filter(Node::alive).allMatch(n -> n.info("cluster", "cluster_state").equals("ok"));
    }

    public long nodeTimeoutMillis() {
        return nodeTimeoutMillis;
    }

    private Node node(int port) {
        return nodes.stream().filter(n -> n.port == port).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no test node on port " + port));
    }

    @Override
    public void close() {
        try {
            stopAll();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs anyway
            }
        }
    }

    private void stopAll() {
        for (Node node : nodes) {
            node.kill();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: the directory is under the system's temporary directory
        }
    }

    private static int free() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                // the cluster bus listens on port + 10000: both must be free, and never the machine's Redis
                if (port != 6379 && port + 10_000 <= 65_535 && port + 10_000 != 6379 && freeAt(port + 10_000)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free loopback port pair (P, P + 10000) found");
    }

    private static boolean freeAt(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static final class Node {

        final int port;
        private final Path dir;
        private final long nodeTimeoutMillis;
        private Process process;

        Node(int port, Path dir, long nodeTimeoutMillis) {
            this.port = port;
            this.dir = dir;
            this.nodeTimeoutMillis = nodeTimeoutMillis;
        }

        synchronized void start() {
            if (!Files.isExecutable(Path.of(SERVER)) || !Files.isExecutable(Path.of(CLI))) {
                throw new IllegalStateException(SERVER + " or " + CLI + " not found: install the Debian package"
                        + " redis-server (apt-get install -y redis-server)");
            }
            if (port == 6379) {
                throw new IllegalStateException("port 6379 is the machine's Redis: never used by tests");
            }
            try {
                process = new ProcessBuilder(List.of(SERVER, "--cluster-enabled", "yes",
                        "--cluster-config-file", dir.resolve("nodes-" + port + ".conf").toString(),
                        "--cluster-node-timeout", Long.toString(nodeTimeoutMillis),
                        "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                        "--daemonize", "no", "--dir", dir.toString(), "--protected-mode", "no"))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis-" + port + ".log").toFile()))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + SERVER, e);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!accepts()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("redis-server on port " + port + " exited with " + process.exitValue()
                            + ", see " + dir.resolve("redis-" + port + ".log"));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("redis-server on port " + port + " did not accept connections in 20 s");
                }
                pause();
            }
        }

        synchronized boolean alive() {
            return process != null && process.isAlive();
        }

        synchronized void kill() {
            if (process == null) {
                return;
            }
            process.destroyForcibly();          // SIGKILL
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("redis-server on port " + port + " did not die in 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }

        boolean accepts() {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        /** One field of {@code INFO section} ({@code CLUSTER INFO} for "cluster"), "" if the node does not answer. */
        String info(String section, String field) {
            String reply;
            try {
                reply = section.equals("cluster") ? command("CLUSTER", "INFO") : command("INFO", section);
            } catch (UncheckedIOException e) {
                return "";
            }
            for (String line : reply.split("\r\n")) {
                if (line.startsWith(field + ":")) {
                    return line.substring(field.length() + 1).trim();
                }
            }
            return "";
        }

        /** One command in RESP, its raw reply (a bulk string's body, or the status/integer line). */
        String command(String... args) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                socket.setSoTimeout(2_000);
                StringBuilder request = new StringBuilder("*").append(args.length).append("\r\n");
                for (String arg : args) {
                    request.append('$').append(arg.length()).append("\r\n").append(arg).append("\r\n");
                }
                OutputStream out = socket.getOutputStream();
                out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                String first = in.readLine();
                if (first == null) {
                    throw new IOException("no reply");
                }
                if (first.startsWith("$")) {
                    int length = Integer.parseInt(first.substring(1));
                    char[] body = new char[Math.max(0, length)];
                    int read = 0;
                    while (read < length) {
                        int n = in.read(body, read, length - read);
                        if (n < 0) {
                            throw new IOException("reply cut short");
                        }
                        read += n;
                    }
                    return new String(body);
                }
                return first;
            } catch (IOException e) {
                throw new UncheckedIOException("redis-server on port " + port + ": " + e, e);
            }
        }
    }

    @Override
    public String toString() {
        return "Redis Cluster " + addresses();
    }
}
