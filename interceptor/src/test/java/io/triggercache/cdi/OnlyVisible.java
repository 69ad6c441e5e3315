package io.triggercache.cdi;

import io.triggercache.Change;
import io.triggercache.Checker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class OnlyVisible implements Checker {

    @Inject
    Moderation moderation;

    @Override
    public boolean test(Change change) {
        Change.State s = change.after() != null ? change.after() : change.before();
        return !moderation.hiddenText().equals(s.get("text"));
    }
}
