package io.triggercache.benchmarks.b3;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.benchmarks.model.Post;
import io.triggercache.benchmarks.support.Item;
import jakarta.enterprise.context.ApplicationScoped;

/** B3's cached method under triggercache: a 50 ms load. */
@ApplicationScoped
public class StampedeService {

    @Cached(suffix = "id", triggers = @Trigger(entity = Post.class, suffix = "id"))
    public Item load(long id) {
        Loads.load();
        return new Item(id, "loaded");
    }
}
