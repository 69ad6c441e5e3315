package io.triggercache.it.server.broken;

import io.triggercache.Cached;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class BadTtl {
    @Cached(ttl = "10 minutes")
    public String m() {
        return "";
    }
}
