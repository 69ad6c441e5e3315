package io.triggercache.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.CacheInspector;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

/** The readiness check over a stub inspector. */
class TriggerCacheReadinessTest {

    @Test
    void ready_isUp_withTheHealthAsData() {
        HealthCheckResponse r = TriggerCacheReadiness.check(new StubInspector(
                new CacheInspector.Health(true, List.of(), true, "store Ehcache (opened by triggercache) answers")));
        assertThat(r.getName()).isEqualTo("triggercache");
        assertThat(r.getStatus()).isEqualTo(Status.UP);
        assertThat(r.getData()).contains(Map.of("storeReachable", true, "owed", "", "peersTrusted", true,
                "detail", "store Ehcache (opened by triggercache) answers"));
    }

    @Test
    void owedInvalidations_isDown_namingTheMethodsCommaSeparated() {
        HealthCheckResponse r = TriggerCacheReadiness.check(new StubInspector(
                new CacheInspector.Health(true, List.of("com.acme.Blog.comments", "com.acme.Blog.latest"), true, "2 owed")));
        assertThat(r.getStatus()).isEqualTo(Status.DOWN);
        assertThat(r.getData().orElseThrow()).containsEntry("owed", "com.acme.Blog.comments,com.acme.Blog.latest")
                .containsEntry("storeReachable", true);
    }

    @Test
    void unreachableStore_isDown() {
        HealthCheckResponse r = TriggerCacheReadiness.check(new StubInspector(
                new CacheInspector.Health(false, List.of(), true, "store fault: Connection refused")));
        assertThat(r.getStatus()).isEqualTo(Status.DOWN);
        assertThat(r.getData().orElseThrow()).containsEntry("storeReachable", false).containsEntry("detail", "store fault: Connection refused");
    }

    @Test
    void untrustedPeers_isDown() {
        HealthCheckResponse r = TriggerCacheReadiness.check(new StubInspector(
                new CacheInspector.Health(true, List.of(), false, "node-b's heartbeat is 40 s old")));
        assertThat(r.getStatus()).isEqualTo(Status.DOWN);
        assertThat(r.getData().orElseThrow()).containsEntry("peersTrusted", false);
    }

    @Test
    void healthThatCannotBeRead_isDown_withTheFailureAsDetail() {
        HealthCheckResponse r = TriggerCacheReadiness.check(new StubInspector(null));
        assertThat(r.getStatus()).isEqualTo(Status.DOWN);
        assertThat(r.getData().orElseThrow()).containsOnlyKeys("detail")
                .containsEntry("detail", "the health of the cache could not be read: java.lang.IllegalStateException: triggercache is not ready");
    }

    /** An inspector that only knows its health (null: health() throws). */
    record StubInspector(Health health) implements CacheInspector {
        @Override
        public Health health() {
            if (health == null) {
                throw new IllegalStateException("triggercache is not ready");
            }
            return health;
        }

        @Override
        public Collection<MethodInfo> methods() {
            throw new UnsupportedOperationException();
        }

        @Override
        public MethodInfo method(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Drop> lastDrops(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Explanation explain(String name, Object... args) {
            throw new UnsupportedOperationException();
        }
    }
}
