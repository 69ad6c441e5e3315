package io.triggercache.cluster;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Tag;

/** Two nodes whose shared store is Redisson over the machine's Redis at 127.0.0.1:6379 (-Pservices). */
@Tag("services")
class RedisTwoNodesTest extends TwoNodesContract {

    private URI configuration;

    @Override
    protected void startStore() {
        Redis.emptyTestDatabase();
        configuration = Redis.configuration(Redis.SHARED_PORT);
    }

    @Override
    protected Map<String, String> storeArguments(int node) {
        return Map.of("store", "redis", "redis.config", configuration.toString());
    }
}
