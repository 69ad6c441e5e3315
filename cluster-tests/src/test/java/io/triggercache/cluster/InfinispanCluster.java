package io.triggercache.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.cache.CacheManager;

import org.infinispan.jcache.embedded.JCachingProvider;

/**
 * Embedded Infinispan nodes clustered over JGroups TCP on 127.0.0.1, found through TCPPING at their
 * fixed ports (the default stack's multicast discovery replaced), caches replicated synchronously. Each
 * node is one JCache manager over a configuration file of its own.
 */
final class InfinispanCluster implements AutoCloseable {

    final String name = "triggercache-" + UUID.randomUUID();
    final List<Integer> ports = new ArrayList<>();
    final List<URI> configurations = new ArrayList<>();
    private final List<CacheManager> managers = new ArrayList<>();

    InfinispanCluster(int size) {
        for (int i = 0; i < size; i++) {
            ports.add(Ports.free());
        }
        String hosts = ports.stream().map(p -> "127.0.0.1[" + p + "]").collect(Collectors.joining(","));
        try {
            Path directory = Files.createDirectories(Path.of("target", "infinispan"));
            for (int i = 0; i < size; i++) {
                Path file = directory.resolve(name + "-" + i + ".xml");
                Files.writeString(file, xml(ports.get(i), hosts, "node-" + i));
                configurations.add(file.toAbsolutePath().toUri());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String xml(int port, String hosts, String node) {
        return """
                <infinispan xmlns="urn:infinispan:config:15.2">
                  <jgroups>
                    <stack name="loopback" extends="tcp">
                      <TCP bind_addr="127.0.0.1" bind_port="%d" port_range="0" diag.enabled="false"/>
                      <TCPPING initial_hosts="%s" port_range="0"
                               stack.combine="REPLACE" stack.position="MPING"/>
                    </stack>
                  </jgroups>
                  <cache-container name="%s" default-cache="replicated">
                    <transport cluster="%s" stack="loopback" node-name="%s"/>
                    <replicated-cache name="replicated" mode="SYNC"/>
                    <!-- caches created through JCache take the configuration whose name matches theirs; the
                         store refuses to create triggercache-tokens from a template without a bound -->
                    <replicated-cache-configuration name="*" mode="SYNC">
                      <memory max-count="100000" when-full="REMOVE"/>
                    </replicated-cache-configuration>
                  </cache-container>
                </infinispan>
                """.formatted(port, hosts, node, name, node);
    }

    /** The JCache manager of node {@code i}, started on first use. */
    synchronized CacheManager manager(int i) {
        while (managers.size() <= i) {
            managers.add(null);
        }
        if (managers.get(i) == null || managers.get(i).isClosed()) {
            managers.set(i, new JCachingProvider().getCacheManager(configurations.get(i), getClass().getClassLoader()));
        }
        return managers.get(i);
    }

    @Override
    public synchronized void close() {
        for (CacheManager manager : managers) {
            if (manager != null && !manager.isClosed()) {
                manager.close();
            }
        }
    }
}
