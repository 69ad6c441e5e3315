package io.triggercache.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.inject.Produces;

/** The application's MeterRegistry bean: one registry that outlives the containers, as a server's does. */
public class RegistryProducer {

    static volatile SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Produces
    MeterRegistry registry() {
        return registry;
    }
}
