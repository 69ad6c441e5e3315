package io.triggercache.cluster;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Tag;

/**
 * A Redis the test starts itself (redis-server on a free port of 127.0.0.1, nothing on disk), killed with
 * SIGKILL mid-run and restarted empty on the same port. Needs the redis-server binary: -Pservices.
 */
@Tag("services")
class RedisOutageTest extends OutageContract {

    private RedisServer redis;
    private URI configuration;

    @Override
    protected void startStore() {
        redis = new RedisServer().start();
        configuration = Redis.configuration(redis.port);
    }

    @Override
    protected Map<String, String> storeArguments(int node) {
        return Map.of("store", "redis", "redis.config", configuration.toString());
    }

    @Override
    protected void breakStore() {
        redis.kill();
    }

    @Override
    protected void repairStore() {
        redis.start();
    }

    @Override
    protected void stopStore() {
        if (redis != null) {
            redis.close();
        }
    }
}
