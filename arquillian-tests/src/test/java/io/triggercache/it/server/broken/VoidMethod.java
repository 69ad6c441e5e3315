package io.triggercache.it.server.broken;

import io.triggercache.Cached;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class VoidMethod {
    @Cached
    public void m() {
    }
}
