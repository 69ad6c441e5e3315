package io.triggercache.benchmarks.b6;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.benchmarks.model.Post;
import io.triggercache.benchmarks.support.Item;

/**
 * B6's cached methods for growth and footprint: one entry per id, and either one group per entry (the
 * common {@code suffix = id} shape, which keeps a group token per entry) or no suffix at all (one group).
 */
public class GrowthService {

    static final Item VALUE = new Item(0, "shared");

    @Cached(suffix = "id", triggers = @Trigger(entity = Post.class, suffix = "id"))
    public Item grouped(long id) {
        return VALUE;
    }

    @Cached(triggers = @Trigger(entity = Post.class))
    public Item ungrouped(long id) {
        return VALUE;
    }
}
