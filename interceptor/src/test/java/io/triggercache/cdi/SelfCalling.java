package io.triggercache.cdi;

import io.triggercache.Cached;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;

/** A bean calling its own cached method, through {@code this} and through its injected contextual reference. */
@ApplicationScoped
public class SelfCalling {

    static final AtomicInteger innerRuns = new AtomicInteger();

    /** This bean's own contextual reference (a client proxy): calls through it are intercepted. */
    @Inject
    SelfCalling self;

    /** Calls {@link #inner} through {@code this}: not intercepted, so not cached. */
    public String outer(long id) {
        return "outer:" + inner(id);
    }

    /** Calls {@link #inner} through the injected reference: intercepted, so cached. */
    public String outerThroughSelf(long id) {
        return "outer:" + self.inner(id);
    }

    @Cached
    public String inner(long id) {
        innerRuns.incrementAndGet();
        return "inner" + id;
    }
}
