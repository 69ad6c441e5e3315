package io.triggercache.it.server;

import io.triggercache.MethodStatistics;

/**
 * How a method's statistics moved between two snapshots: what a story asserts. Store errors are part of it, so
 * every story also asserts that the store never failed.
 */
public record Counts(long hits, long misses, long loads, long invalidations, long bypasses, long errors) {

    public static Counts of(long hits, long misses, long loads) {
        return new Counts(hits, misses, loads, 0, 0, 0);
    }

    public Counts invalidations(long n) {
        return new Counts(hits, misses, loads, n, bypasses, errors);
    }

    public Counts bypasses(long n) {
        return new Counts(hits, misses, loads, invalidations, n, errors);
    }

    static Counts between(MethodStatistics before, MethodStatistics after) {
        return new Counts(after.hits() - before.hits(), after.misses() - before.misses(), after.loads() - before.loads(),
                after.invalidations() - before.invalidations(), after.bypasses() - before.bypasses(), after.errors() - before.errors());
    }

    @Override
    public String toString() {
        return "hits=" + hits + " misses=" + misses + " loads=" + loads + " invalidations=" + invalidations + " bypasses=" + bypasses
                + " errors=" + errors;
    }
}
