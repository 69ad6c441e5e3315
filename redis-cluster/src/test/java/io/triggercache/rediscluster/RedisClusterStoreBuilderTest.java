package io.triggercache.rediscluster;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Options of the Redis Cluster store that are refused before any connection, each with a message that says why. */
class RedisClusterStoreBuilderTest {

    @Test
    void seedNodes_withoutPort_areRefusedNamingTheEntry() {
        assertThatThrownBy(() -> RedisClusterStore.builder("10.0.0.1:7000 cache-two"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Redis Cluster node 'cache-two' is not host:port (in \"10.0.0.1:7000 cache-two\"); list seed"
                        + " nodes as \"host1:7000 host2:7000\"");
    }

    @Test
    void seedNodes_empty_areRefused() {
        assertThatThrownBy(() -> RedisClusterStore.builder(" , "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no Redis Cluster node given; list seed nodes as \"host1:7000 host2:7000\"");
    }

    @Test
    void timeouts_zeroOrLongerThanThirtySeconds_areRefused() {
        assertThatThrownBy(() -> RedisClusterStore.builder("127.0.0.1:1").commandTimeout(Duration.ZERO))
                .hasMessage("commandTimeout must be positive and at most 30 s, was PT0S");
        assertThatThrownBy(() -> RedisClusterStore.builder("127.0.0.1:1").connectTimeout(Duration.ofMinutes(1)))
                .hasMessage("connectTimeout must be positive and at most 30 s, was PT1M");
        assertThatThrownBy(() -> RedisClusterStore.builder("127.0.0.1:1").topologyRefresh(Duration.ofMillis(-1)))
                .hasMessage("topologyRefresh must be positive and at most 30 s, was PT-0.001S");
    }

    @Test
    void replicaAcks_outOfBounds_areRefused() {
        assertThatThrownBy(() -> RedisClusterStore.builder("127.0.0.1:1").replicaAcks(-1))
                .hasMessage("replicaAcks must be within 0 and 16, was -1");
    }

    @Test
    void keyPrefix_withCharactersOutsideTheSafeSet_isRefused() {
        assertThatThrownBy(() -> RedisClusterStore.builder("127.0.0.1:1").keyPrefix("my{app}"))
                .hasMessage("keyPrefix must be 1 to 64 of [A-Za-z0-9_.-], was 'my{app}'");
    }
}
