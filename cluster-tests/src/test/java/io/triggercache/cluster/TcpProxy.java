package io.triggercache.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on 127.0.0.1 between one node and a server, which the test can cut (every connection closed,
 * new ones refused at once) and heal: that node loses the server while the other nodes keep theirs, a
 * partial outage. Several nodes may share one relay and the test cut it for one of them only
 * ({@link #cutFrom(long)}): the nodes then list the same server address, which a client that places keys by
 * address (memcached's Ketama) needs. Test code; loopback only.
 */
final class TcpProxy implements AutoCloseable {

    final int port;
    private final int target;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** The relayed connections: the node's side (accepted here) to the server's side. */
    private final Map<Socket, Socket> relayed = new ConcurrentHashMap<>();
    private volatile boolean cut;
    /** The process whose connections are cut, or -1. */
    private volatile long cutFrom = -1;

    TcpProxy(int target) {
        this.target = target;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = server.getLocalPort();
        Thread acceptor = new Thread(this::accept, "proxy-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Closes every relayed connection and refuses new ones until {@link #heal()}. */
    void cut() {
        cut = true;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    /**
     * Closes the relayed connections that process {@code pid} opened and refuses its new ones until
     * {@link #heal()}; every other process keeps the server. Linux only: a connection's process is found in
     * {@code /proc} ({@link LoopbackSockets}).
     */
    void cutFrom(long pid) {
        cutFrom = pid;
        for (Map.Entry<Socket, Socket> pair : relayed.entrySet()) {
            if (LoopbackSockets.openedBy(pid, pair.getKey())) {
                closeQuietly(pair.getKey());
                closeQuietly(pair.getValue());
            }
        }
    }

    void heal() {
        cut = false;
        cutFrom = -1;
    }

    private boolean refused(Socket client) {
        long pid = cutFrom;
        return pid >= 0 && LoopbackSockets.openedBy(pid, client);
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            if (cut) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(upstream);
                relayed.put(client, upstream);
                // checked after the pair is registered: a cutFrom running meanwhile closes it, or this sees it
                if (refused(client)) {
                    relayed.remove(client);
                    open.remove(client);
                    open.remove(upstream);
                    closeQuietly(client);
                    closeQuietly(upstream);
                    continue;
                }
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed: close both
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
                relayed.remove(from);
                relayed.remove(to);
            }
        }, "proxy-pump-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
