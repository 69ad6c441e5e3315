package io.triggercache.it.server.broken;

import io.triggercache.Cached;
import io.triggercache.Change;
import io.triggercache.Checker;
import io.triggercache.Trigger;
import io.triggercache.it.blog.Post;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class UnresolvableChecker {

    /** Neither a bean (no bean-defining annotation) nor constructible without arguments. */
    public static class NeedsArgument implements Checker {
        public NeedsArgument(String argument) {
        }

        @Override
        public boolean test(Change change) {
            return true;
        }
    }

    @Cached(triggers = @Trigger(entity = Post.class, checker = NeedsArgument.class))
    public String m() {
        return "";
    }
}
