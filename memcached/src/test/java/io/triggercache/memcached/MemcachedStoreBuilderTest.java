package io.triggercache.memcached;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Options of the memcached store that are refused before any connection, each with a message that says why. */
class MemcachedStoreBuilderTest {

    @Test
    void servers_withoutPort_areRefusedNamingTheEntry() {
        assertThatThrownBy(() -> MemcachedStore.builder("10.0.0.1:11211 cache-two"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memcached server 'cache-two' is not host:port (in \"10.0.0.1:11211 cache-two\"); list servers"
                        + " as \"host1:11211 host2:11211\"");
    }

    @Test
    void servers_empty_areRefused() {
        assertThatThrownBy(() -> MemcachedStore.builder(" , "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no memcached server given; list servers as \"host1:11211 host2:11211\"");
    }

    @Test
    void connectionPoolSize_outOfBounds_isRefused() {
        assertThatThrownBy(() -> MemcachedStore.builder("127.0.0.1:1").connectionPoolSize(0))
                .hasMessage("connectionPoolSize must be within 1 and 64, was 0");
        assertThatThrownBy(() -> MemcachedStore.builder("127.0.0.1:1").connectionPoolSize(65))
                .hasMessage("connectionPoolSize must be within 1 and 64, was 65");
    }

    @Test
    void timeouts_zeroOrLongerThanThirtySeconds_areRefused() {
        assertThatThrownBy(() -> MemcachedStore.builder("127.0.0.1:1").operationTimeout(Duration.ZERO))
                .hasMessage("operationTimeout must be positive and at most 30 s, was PT0S");
        assertThatThrownBy(() -> MemcachedStore.builder("127.0.0.1:1").connectTimeout(Duration.ofMinutes(1)))
                .hasMessage("connectTimeout must be positive and at most 30 s, was PT1M");
        assertThatThrownBy(() -> MemcachedStore.builder("127.0.0.1:1").healInterval(Duration.ofMillis(-1)))
                .hasMessage("healInterval must be positive and at most 30 s, was PT-0.001S");
    }

    @Test
    void keyPrefix_withCharactersMemcachedKeysCannotHold_isRefused() {
        assertThatThrownBy(() -> MemcachedStore.builder("127.0.0.1:1").keyPrefix("my app"))
                .hasMessage("keyPrefix must be 1 to 64 of [A-Za-z0-9_.-], was 'my app'");
    }
}
