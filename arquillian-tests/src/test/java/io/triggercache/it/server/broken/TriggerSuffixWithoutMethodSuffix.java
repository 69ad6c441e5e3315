package io.triggercache.it.server.broken;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import io.triggercache.it.server.Comment;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class TriggerSuffixWithoutMethodSuffix {
    @Cached(triggers = @Trigger(entity = Comment.class, suffix = "post.id"))
    public String m() {
        return "";
    }
}
