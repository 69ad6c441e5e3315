package io.triggercache.metrics;

import io.triggercache.CacheInspector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The MicroProfile Health readiness check {@value #NAME}: UP when {@link CacheInspector#health()} says the cache can
 * serve (the store answers, no invalidation is owed, the peers are trusted), DOWN otherwise, with the data
 * {@code storeReachable}, {@code owed} (the methods owing an invalidation, comma-separated), {@code peersTrusted} and
 * {@code detail}.
 *
 * <p>A bean of the deployment when the MicroProfile Health API is present ({@code triggercache-metrics} registers it;
 * it is not for direct use). DOWN does not mean calls fail: a method that cannot use the cache runs uncached (I5);
 * it means answers cost what they cost without the cache, which a load balancer may want to know.
 */
@Readiness
@ApplicationScoped
public class TriggerCacheReadiness implements HealthCheck {

    /** The name of the check in the health report. */
    public static final String NAME = "triggercache";

    @Inject
    Instance<CacheInspector> inspectors;

    /** The check over the deployment's {@link CacheInspector} bean. */
    public TriggerCacheReadiness() {
    }

    @Override
    public HealthCheckResponse call() {
        if (!inspectors.isResolvable()) {
            return response(false, Map.of("detail", inspectors.isUnsatisfied()
                    ? "no CacheInspector bean: is triggercache-interceptor in the deployment, and did it deploy?"
                    : "several CacheInspector beans: the check cannot tell which one is the deployment's"));
        }
        return check(inspectors.get());
    }

    /**
     * The readiness of the cache {@code inspector} looks at, as this check reports it.
     *
     * @return UP when {@link CacheInspector.Health#ready()}; DOWN, with the failure as {@code detail}, if
     *         {@code health()} throws
     */
    public static HealthCheckResponse check(CacheInspector inspector) {
        CacheInspector.Health h;
        try {
            h = inspector.health();
        } catch (RuntimeException e) {
            return response(false, Map.of("detail", "the health of the cache could not be read: " + e));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("storeReachable", h.storeReachable());
        data.put("owed", String.join(",", h.owed()));
        data.put("peersTrusted", h.peersTrusted());
        data.put("detail", h.detail() == null ? "" : h.detail());
        return response(h.ready(), data);
    }

    // the constructor, not HealthCheckResponse.named(): no HealthCheckResponseProvider is needed (unit tests, SE)
    private static HealthCheckResponse response(boolean up, Map<String, Object> data) {
        return new HealthCheckResponse(NAME, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(Collections.unmodifiableMap(new LinkedHashMap<>(data))));
    }
}
