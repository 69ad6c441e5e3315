package io.triggercache.it.server.broken;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class NotAnEntity {
    @Cached(triggers = @Trigger(entity = String.class))
    public String m() {
        return "";
    }
}
