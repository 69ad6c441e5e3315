package io.triggercache.memcached.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.cache.CacheException;

/**
 * The keys a memcached server holds, read with {@code lru_crawler metadump all} (memcached 1.4.31 and later):
 * what {@code Cache.clear()} and iteration need, since memcached has no command that lists or drops the keys of
 * one prefix. Costs a walk of the server's whole LRU: never on a hot path.
 *
 * <p>Stateless.
 */
public final class KeyDump {

    private KeyDump() {
    }

    /**
     * Every key of the server (a snapshot: keys written during the walk may be missing).
     *
     * @throws CacheException if the server cannot be reached or stays busy with another crawl
     */
    public static List<String> keys(InetSocketAddress server, int timeoutMillis) {
        long giveUpAt = System.nanoTime() + 10L * timeoutMillis * 1_000_000L;
        for (int attempt = 0; ; attempt++) {
            try (Socket socket = new Socket()) {
                socket.connect(server, timeoutMillis);
                socket.setSoTimeout(Math.max(timeoutMillis, 2_000));
                OutputStream out = socket.getOutputStream();
                out.write("lru_crawler metadump all\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII));
                List<String> keys = new ArrayList<>();
                for (String line = in.readLine(); ; line = in.readLine()) {
                    if (line == null) {
                        throw new CacheException("memcached " + server + " closed the key dump before END");
                    }
                    if (line.equals("END")) {
                        return keys;
                    }
                    if (line.startsWith("BUSY")) {
                        break;          // another crawl runs on the server: try again
                    }
                    if (line.startsWith("ERROR") || line.startsWith("CLIENT_ERROR") || line.startsWith("SERVER_ERROR")) {
                        throw new CacheException("memcached " + server + " refused lru_crawler metadump: " + line
                                + " (memcached 1.4.31 or later with the LRU crawler enabled is needed to clear a cache)");
                    }
                    if (line.startsWith("key=")) {
                        int end = line.indexOf(' ');
                        keys.add(URLDecoder.decode(line.substring(4, end < 0 ? line.length() : end),
                                StandardCharsets.US_ASCII));
                    }
                }
            } catch (IOException e) {
                throw new CacheException("memcached " + server + ": key dump failed: " + e, e);
            }
            if (System.nanoTime() > giveUpAt) {
                throw new CacheException("memcached " + server + " stayed busy with another LRU crawl");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Math.min(50, 1L << attempt) * 1_000_000L);
        }
    }
}
