package io.triggercache.benchmarks.support;

import io.triggercache.Cached;
import io.triggercache.Invalidator;
import io.triggercache.MethodStatistics;
import io.triggercache.Trigger;
import io.triggercache.benchmarks.model.Post;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;

/**
 * The outer cached method of the dependency benchmarks (B1, B7): its load reads {@code k} values of
 * {@link DependencyService#inner} (groups 0 to k - 1), so its entry records {@code k} dependencies, and a hit
 * checks each of them (I9). {@code k = 0} is the same method with none.
 */
@ApplicationScoped
public class DependentService {

    public static final String OUTER = DependentService.class.getName() + ".outer";
    public static final String SPREAD = DependentService.class.getName() + ".spread";

    @Inject
    DependencyService dependencies;

    @Cached(suffix = "k", triggers = @Trigger(entity = Post.class, suffix = "id"))
    public Item outer(long k) {
        long sum = 0;
        for (long i = 0; i < k; i++) {
            sum += dependencies.inner(i).id();
        }
        return new Item(sum, "outer of " + k);
    }

    /**
     * The same as {@link #outer} under key {@code (k, j)} and group {@code j}: B7 reads 16 values of {@code j} in
     * turn, so that the entries and their own group tokens spread over a cluster's members as B7's other keys do.
     */
    @Cached(suffix = "j", key = {"k", "j"}, triggers = @Trigger(entity = Post.class, suffix = "id"))
    public Item spread(long k, long j) {
        long sum = 0;
        for (long i = 0; i < k; i++) {
            sum += dependencies.inner(i).id();
        }
        return new Item(sum + j, "spread of " + k);
    }

    /**
     * Fills the entries for {@code k} and checks that the outer one is stored with its {@code k} dependencies: a
     * second call is a hit, and after dropping the group of its last dependency (through {@code invalidator}) the
     * outer entry is no longer current. Leaves every entry current. {@code statistics} gives a method's counters.
     */
    public static void warm(DependentService outer, DependencyService inner, Invalidator invalidator,
                            Function<String, MethodStatistics> statistics, long k) {
        for (long i = 0; i < k; i++) {
            inner.inner(i);
        }
        outer.outer(k);
        long loads = statistics.apply(OUTER).loads();
        long hits = statistics.apply(OUTER).hits();
        outer.outer(k);
        if (statistics.apply(OUTER).hits() != hits + 1 || statistics.apply(OUTER).loads() != loads) {
            throw new IllegalStateException("outer(" + k + ") was not stored: " + statistics.apply(OUTER));
        }
        if (k > 0) {
            invalidator.invalidateGroup(DependencyService.INNER, k - 1);
            outer.outer(k);
            if (statistics.apply(OUTER).loads() != loads + 1) {
                throw new IllegalStateException("outer(" + k + ") did not record its dependency on inner(" + (k - 1) + "): "
                        + statistics.apply(OUTER));
            }
            outer.outer(k);
            if (statistics.apply(OUTER).hits() != hits + 2) {
                throw new IllegalStateException("outer(" + k + ") was not stored again: " + statistics.apply(OUTER));
            }
        }
    }
}
