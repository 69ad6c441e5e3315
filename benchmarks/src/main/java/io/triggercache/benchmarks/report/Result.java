package io.triggercache.benchmarks.report;

import java.util.Map;

/**
 * One JMH result: a benchmark method under one set of parameters and thread count, with its allocation per
 * operation when the run used {@code -prof gc}.
 *
 * @param benchmark  the simple class name ({@code HitBenchmark})
 * @param method     the benchmark method
 * @param params     the JMH parameters
 * @param threads    the thread count
 * @param score      the mean, in {@code unit}
 * @param error      the 99.9% half-interval, NaN when there were too few samples
 * @param unit       the unit of the score
 * @param bytesPerOp {@code gc.alloc.rate.norm}, NaN without the GC profiler
 * @param p50        the median: of the sampled operations in sample mode, of the measured iterations otherwise
 * @param p99        the 99th percentile, likewise
 */
record Result(String benchmark, String method, Map<String, String> params, int threads, double score, double error, String unit,
              double bytesPerOp, double p50, double p99) {

    String param(String name) {
        return params.getOrDefault(name, "");
    }

    /**
     * The figure the tables compare: the median of the measured iterations (robust to the bursts of load other
     * builds put on a shared machine), or the mean when there is no median.
     */
    double typical() {
        return Double.isNaN(p50) ? score : p50;
    }
}
