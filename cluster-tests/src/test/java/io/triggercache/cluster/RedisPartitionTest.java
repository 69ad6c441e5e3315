package io.triggercache.cluster;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Tag;

/**
 * A partial outage: node A reaches the Redis (one the test starts itself) through a relay that is cut
 * mid-run, while node B keeps its connection. A's commits go on (the database is reachable), their drops
 * fail, and B must not serve what they should have dropped: B stops serving from the store once A's
 * heartbeat is no longer fresh, and A's failed drop returns only after that. Needs redis-server: -Pservices.
 */
@Tag("services")
class RedisPartitionTest extends OutageContract {

    private RedisServer redis;
    private TcpProxy relay;

    @Override
    protected void startStore() {
        redis = new RedisServer().start();
        relay = new TcpProxy(redis.port);
    }

    @Override
    protected Map<String, String> storeArguments(int node) {
        URI configuration = Redis.configuration(node == 0 ? relay.port : redis.port);
        return Map.of("store", "redis", "redis.config", configuration.toString());
    }

    @Override
    protected void breakStore() {
        relay.cut();
    }

    @Override
    protected void repairStore() {
        relay.heal();
    }

    @Override
    protected void stopStore() {
        if (relay != null) {
            relay.close();
        }
        if (redis != null) {
            redis.close();
        }
    }
}
