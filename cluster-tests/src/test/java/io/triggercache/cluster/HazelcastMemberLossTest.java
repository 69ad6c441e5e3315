package io.triggercache.cluster;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;

/**
 * Three Hazelcast members: the two application nodes and a third, storage-only member in the test JVM,
 * which is terminated (a crash: no graceful migration) mid-run while both nodes read and one writes; later
 * a new member joins on its port. JCache's default backup count (1) keeps every entry and token.
 */
@Tag("slow")
class HazelcastMemberLossTest extends OutageContract {

    private final HazelcastCluster cluster = HazelcastCluster.unstarted(3, "triggercache-loss-" + UUID.randomUUID());
    private HazelcastInstance storageMember;

    @Override
    protected void startStore() {
        storageMember = Hazelcast.newHazelcastInstance(cluster.config(cluster.ports.get(2)));
    }

    @Override
    protected Map<String, String> storeArguments(int node) {
        return Map.of("store", "hazelcast", "hz.cluster", cluster.name, "hz.port", Integer.toString(cluster.ports.get(node)),
                "hz.members", cluster.ports.get(0) + "," + cluster.ports.get(1) + "," + cluster.ports.get(2));
    }

    @Override
    protected void breakStore() {
        storageMember.getLifecycleService().terminate();
    }

    @Override
    protected void repairStore() {
        storageMember = Hazelcast.newHazelcastInstance(cluster.config(cluster.ports.get(2)));
    }

    @Override
    protected void stopStore() {
        if (storageMember != null && storageMember.getLifecycleService().isRunning()) {
            storageMember.getLifecycleService().terminate();
        }
    }
}
