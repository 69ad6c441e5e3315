package io.triggercache.metrics;

import io.triggercache.cdi.TriggerCacheExtension;
import io.triggercache.metrics.internal.MetricsExtension;
import jakarta.enterprise.inject.spi.Extension;
import java.util.ArrayList;
import java.util.List;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/** Deployments of the test application in plain Weld SE containers, started and shut down by the test. */
final class Deployments {

    private Deployments() {
    }

    /** A deployment of PriceService with the engine, this module, and the beans given. */
    static WeldContainer start(String id, Class<?>... beans) {
        return start(id, true, beans);
    }

    static WeldContainer start(String id, boolean engine, Class<?>... beans) {
        List<Extension> extensions = new ArrayList<>();
        if (engine) {
            extensions.add(new TriggerCacheExtension());
        }
        extensions.add(new MetricsExtension());
        Weld weld = new Weld(id).disableDiscovery().addBeanClass(PriceService.class).addBeanClasses(beans);
        for (Extension e : extensions) {
            weld.addExtension(e);
        }
        return weld.initialize();
    }
}
