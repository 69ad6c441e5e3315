package io.triggercache.cluster;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;

/** Two nodes whose shared store is Hazelcast: each node is an embedded member, TCP-IP join on 127.0.0.1. */
@Tag("slow")
class HazelcastTwoNodesTest extends TwoNodesContract {

    private final String cluster = "triggercache-nodes-" + UUID.randomUUID();
    private final int[] ports = {Ports.free(), Ports.free()};

    @Override
    protected Map<String, String> storeArguments(int node) {
        return Map.of("store", "hazelcast", "hz.cluster", cluster, "hz.port", Integer.toString(ports[node]),
                "hz.members", ports[0] + "," + ports[1]);
    }
}
