package io.triggercache.benchmarks.support;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.benchmarks.model.Comment;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The inner cached method of the dependency benchmarks (B1, B7): one group per {@code i}, so that each value
 * {@link DependentService#outer} reads is a dependency of a group of its own.
 */
@ApplicationScoped
public class DependencyService {

    public static final String INNER = DependencyService.class.getName() + ".inner";

    @Cached(suffix = "i", triggers = @Trigger(entity = Comment.class, suffix = "id"))
    public Item inner(long i) {
        return new Item(i, "inner");
    }
}
