package io.triggercache.it.server.broken;

import io.triggercache.Cached;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PrivateMethod {
    @Cached
    private String m() {
        return "";
    }

    public String caller() {
        return m();
    }
}
