package io.triggercache.cluster;

/**
 * The clusters shared by the test classes of one test JVM: started on first use (a Hazelcast or Infinispan
 * cluster takes seconds to form), stopped when the JVM exits.
 */
public final class Clusters {

    private static HazelcastCluster hazelcast;
    private static InfinispanCluster infinispan;

    private Clusters() {
    }

    static synchronized HazelcastCluster hazelcast() {
        if (hazelcast == null) {
            HazelcastCluster cluster = HazelcastCluster.start(2);
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
            hazelcast = cluster;
        }
        return hazelcast;
    }

    /** A JCache manager over member {@code member} of the shared Hazelcast cluster (for tests in other packages). */
    public static javax.cache.CacheManager hazelcastManager(int member, java.net.URI uri) {
        return hazelcast().manager(member, uri);
    }

    static synchronized InfinispanCluster infinispan() {
        if (infinispan == null) {
            InfinispanCluster cluster = new InfinispanCluster(2);
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
            cluster.manager(0);
            cluster.manager(1);
            infinispan = cluster;
        }
        return infinispan;
    }
}
