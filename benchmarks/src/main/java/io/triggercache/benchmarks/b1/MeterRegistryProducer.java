package io.triggercache.benchmarks.b1;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The {@code MeterRegistry} bean of B1's metrics contender: the registry {@link HitBenchmark.OursWithMetrics} made
 * (a producer, not a second {@code ProvidedBean} extension: Weld keeps one extension instance per class).
 */
@ApplicationScoped
public class MeterRegistryProducer {

    static volatile MeterRegistry current;

    @Produces
    @Singleton
    MeterRegistry registry() {
        return current;
    }
}
