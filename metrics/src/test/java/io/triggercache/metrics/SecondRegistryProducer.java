package io.triggercache.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.inject.Produces;

/** A second MeterRegistry bean, which makes the registry ambiguous. */
public class SecondRegistryProducer {

    static final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Produces
    MeterRegistry second() {
        return registry;
    }
}
