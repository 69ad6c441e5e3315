package io.triggercache.benchmarks.b7;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.benchmarks.model.Post;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The CDI bean of B7: three methods declared alike (grouped by {@code id}, dropped when that post changes), told
 * apart only by the near mode the store gives their regions ({@link NearHitBenchmark} builds the store with
 * {@code near("...off", OFF)}, {@code near("...strict", STRICT)}, {@code near("...near", NEAR)}). Over the
 * embedded Ehcache store the near mode does not apply: {@link #near} is then the local anchor.
 */
@ApplicationScoped
public class NearHitService {

    public static final String OFF = NearHitService.class.getName() + ".off";
    public static final String STRICT = NearHitService.class.getName() + ".strict";
    public static final String NEAR = NearHitService.class.getName() + ".near";

    @Cached(suffix = "id", triggers = @Trigger(entity = Post.class, suffix = "id"))
    public Title off(long id) {
        return new Title(id, "title " + id);
    }

    @Cached(suffix = "id", triggers = @Trigger(entity = Post.class, suffix = "id"))
    public Title strict(long id) {
        return new Title(id, "title " + id);
    }

    @Cached(suffix = "id", triggers = @Trigger(entity = Post.class, suffix = "id"))
    public Title near(long id) {
        return new Title(id, "title " + id);
    }
}
