package io.triggercache.it.server.shared.wildfly;

import com.hazelcast.cache.HazelcastCachingProvider;
import com.hazelcast.cache.HazelcastMemberCachingProvider;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.triggercache.it.server.shared.ArticleService;
import io.triggercache.it.server.shared.ProducedStore;
import io.triggercache.jcache.JCacheStore;
import io.triggercache.jcache.NearMode;
import io.triggercache.spi.CacheStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Properties;
import javax.cache.CacheManager;

/**
 * The shared store that docs/cluster.md recommends for WildFly (which has no JCache of its own): a Hazelcast member
 * embedded in the WAR, one per node, the nodes joined over TCP/IP on explicit addresses with multicast and
 * auto-detection off, and a {@code JCacheStore} over the member's JCache {@code CacheManager}. The cluster name,
 * the first port and the member list come from {@code tc-hazelcast.properties} in the WAR (written by the test).
 * Undeploying closes the store, the manager and the member.
 */
@ApplicationScoped
public class EmbeddedHazelcastStoreProducer {

    private HazelcastInstance member;
    private CacheManager manager;

    @Produces
    @ApplicationScoped
    CacheStore store() {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/tc-hazelcast.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ClassLoader loader = getClass().getClassLoader();
        Config config = new Config();
        config.setClassLoader(loader);
        config.setClusterName(p.getProperty("cluster"));
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        // the first node looks for the other one this long before it forms the cluster alone (default 20 s)
        config.setProperty("hazelcast.max.join.seconds", "8");
        NetworkConfig network = config.getNetworkConfig();
        // every node runs this WAR: the first member takes the port, the next one the port after it
        network.setPort(Integer.parseInt(p.getProperty("port"))).setPortAutoIncrement(true).setPortCount(2);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        for (String m : p.getProperty("members").split(",")) {
            join.getTcpIpConfig().setEnabled(true).addMember(m.trim());
        }
        member = Hazelcast.newHazelcastInstance(config);
        manager = new HazelcastMemberCachingProvider().getCacheManager(URI.create("urn:triggercache-it"), loader,
                HazelcastCachingProvider.propertiesByInstanceItself(member));
        HazelcastInstance m = member;
        return ProducedStore.remember(JCacheStore.builder(manager).near(ArticleService.TITLE_NEAR, NearMode.NEAR).build(),
                () -> m.getCluster().getMembers().size());
    }

    void close(@Disposes CacheStore store) {
        try {
            store.close();
        } finally {
            try {
                manager.close();
            } finally {
                member.shutdown();
            }
        }
    }
}
