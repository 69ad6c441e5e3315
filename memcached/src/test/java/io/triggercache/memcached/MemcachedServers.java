package io.triggercache.memcached;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * memcached servers of the test's own ({@code /usr/bin/memcached}, Debian package {@code memcached}), each on a
 * free port of 127.0.0.1, in the foreground of a child process: killed and restarted on the same port by fault
 * tests, all stopped by {@link #close()} and, should the JVM die first, by a shutdown hook. Never a system
 * memcached, never port 11211.
 */
public final class MemcachedServers implements AutoCloseable {

    /** The binary, overridable with {@code -Dtriggercache.memcached=...}. */
    static final String BINARY = System.getProperty("triggercache.memcached", "/usr/bin/memcached");

    private final List<Server> servers = new ArrayList<>();
    private final Thread hook = new Thread(this::stopAll, "memcached-test-servers-stop");

    private MemcachedServers() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts {@code count} servers and waits until each accepts connections (at most 20 s each). */
    public static MemcachedServers start(int count) {
        MemcachedServers started = new MemcachedServers();
        try {
            for (int i = 0; i < count; i++) {
                Server server = new Server(free());
                started.servers.add(server);
                server.start();
            }
            return started;
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    /** {@code 127.0.0.1:port} of every server, separated by spaces. */
    public String addresses() {
        return servers.stream().map(s -> "127.0.0.1:" + s.port).collect(Collectors.joining(" "));
    }

    public int size() {
        return servers.size();
    }

    public InetSocketAddress address(int index) {
        return new InetSocketAddress("127.0.0.1", servers.get(index).port);
    }

    /** Kills server {@code index} at once (SIGKILL) and waits until its port refuses connections. */
    public void kill(int index) {
        servers.get(index).kill();
    }

    /** Starts server {@code index} again, empty, on its port, and waits until it accepts connections. */
    public void restart(int index) {
        servers.get(index).start();
    }

    public boolean accepts(int index) {
        return servers.get(index).accepts();
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
    }

    private void stopAll() {
        for (Server server : servers) {
            server.stop();
        }
    }

    private static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Server {

        final int port;
        private Process process;

        Server(int port) {
            this.port = port;
        }

        synchronized void start() {
            if (!Files.isExecutable(Path.of(BINARY))) {
                throw new IllegalStateException(BINARY + " not found: install the Debian package memcached"
                        + " (apt-get install -y memcached; .ci/run does it when it is missing)");
            }
            try {
                Path log = Files.createDirectories(Path.of("target", "memcached")).resolve("memcached-" + port + ".log");
                process = new ProcessBuilder(List.of(BINARY, "-l", "127.0.0.1", "-p", Integer.toString(port), "-U", "0",
                        "-m", "64", "-t", "2", "-c", "256", "-u", "root"))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + BINARY, e);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!accepts()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("memcached on port " + port + " exited with " + process.exitValue()
                            + ", see target/memcached/memcached-" + port + ".log");
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("memcached on port " + port + " did not accept connections in 20 s");
                }
                Thread.onSpinWait();
                try {
                    process.waitFor(10, TimeUnit.MILLISECONDS);    // bounded poll of a real condition: the port
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while memcached started", e);
                }
            }
        }

        synchronized void kill() {
            if (process == null) {
                return;
            }
            process.destroyForcibly();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("memcached on port " + port + " did not die in 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }

        synchronized void stop() {
            if (process != null && process.isAlive()) {
                kill();
            }
        }

        boolean accepts() {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }

    /** For messages. */
    @Override
    public String toString() {
        return "memcached " + addresses();
    }
}
