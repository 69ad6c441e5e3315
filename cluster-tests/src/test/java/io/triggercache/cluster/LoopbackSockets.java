package io.triggercache.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which process opened a loopback TCP connection, from Linux's {@code /proc}: the connection's other end (the
 * client's socket) is a line of {@code /proc/net/tcp} (or {@code tcp6}) with its inode, and the process holds a
 * descriptor {@code socket:[inode]}. For {@link TcpProxy#cutFrom}, so that one relay can cut one node only.
 * Test code.
 */
final class LoopbackSockets {

    private LoopbackSockets() {
    }

    /**
     * Whether process {@code pid} holds the client end of {@code accepted}, a connection accepted on this
     * machine's loopback; {@code false} once that end is closed.
     */
    static boolean openedBy(long pid, Socket accepted) {
        String inode = clientInode(accepted.getPort(), accepted.getLocalPort());
        if (inode == null) {
            return false;
        }
        String wanted = "socket:[" + inode + "]";
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    if (wanted.equals(Files.readSymbolicLink(fd).toString())) {
                        return true;
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while listed
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the descriptors of process " + pid
                    + " (Linux /proc is needed to cut one node's connections)", e);
        }
    }

    /** The inode of the socket whose local port is {@code localPort} and whose peer's is {@code remotePort}. */
    private static String clientInode(int localPort, int remotePort) {
        String local = String.format(":%04X", localPort);
        String remote = String.format(":%04X", remotePort);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(table));
            } catch (IOException e) {
                continue;
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 9 && fields[1].endsWith(local) && fields[2].endsWith(remote)) {
                    return fields[9];
                }
            }
        }
        return null;
    }
}
