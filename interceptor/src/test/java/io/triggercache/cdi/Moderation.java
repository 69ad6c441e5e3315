package io.triggercache.cdi;

import jakarta.enterprise.context.ApplicationScoped;

/** A bean the checker injects: proves checkers are resolved as CDI beans. */
@ApplicationScoped
public class Moderation {
    public String hiddenText() {
        return "spam";
    }
}
