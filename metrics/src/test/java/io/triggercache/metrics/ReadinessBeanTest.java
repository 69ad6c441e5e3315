package io.triggercache.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.Any;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** The readiness check as MicroProfile Health finds it: a {@code @Readiness HealthCheck} bean of the deployment. */
class ReadinessBeanTest {

    @Test
    void readinessBean_overTheEnginesInspector_isUpOnTheEmbeddedStore() {
        try (WeldContainer app = Deployments.start("ready")) {
            var checks = app.select(HealthCheck.class, Readiness.Literal.INSTANCE);
            assertThat(checks.isResolvable()).isTrue();
            HealthCheckResponse r = checks.get().call();
            assertThat(r.getName()).isEqualTo("triggercache");
            assertThat(r.getStatus()).isEqualTo(Status.UP);
            assertThat(r.getData().orElseThrow()).containsEntry("storeReachable", true).containsEntry("owed", "")
                    .containsEntry("peersTrusted", true).containsKey("detail");
        }
    }

    @Test
    void withoutTheEngine_theCheckIsDown_sayingWhy() {
        try (WeldContainer alone = Deployments.start("no-engine", false)) {
            HealthCheckResponse r = alone.select(HealthCheck.class, Any.Literal.INSTANCE).get().call();
            assertThat(r.getStatus()).isEqualTo(Status.DOWN);
            assertThat(r.getData().orElseThrow()).containsEntry("detail",
                    "no CacheInspector bean: is triggercache-interceptor in the deployment, and did it deploy?");
        }
    }
}
