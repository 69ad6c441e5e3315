package io.triggercache.it.server.broken;

import io.triggercache.Cached;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class StaticMethod {
    @Cached
    public static String m() {
        return "";
    }
}
