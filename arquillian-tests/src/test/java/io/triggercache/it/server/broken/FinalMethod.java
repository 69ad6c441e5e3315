package io.triggercache.it.server.broken;

import io.triggercache.Cached;
import jakarta.enterprise.context.Dependent;

@Dependent
public class FinalMethod {
    @Cached
    public final String m() {
        return "";
    }
}
