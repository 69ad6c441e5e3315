package io.triggercache.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts how often the children of a fragment were really rendered (a cached fragment does not call it). */
@Named("renders")
@ApplicationScoped
public class Renders {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    /** The number of this render of {@code fragment}'s children: 1, 2, ... */
    public int next(String fragment) {
        return counts.computeIfAbsent(fragment, f -> new AtomicInteger()).incrementAndGet();
    }
}
