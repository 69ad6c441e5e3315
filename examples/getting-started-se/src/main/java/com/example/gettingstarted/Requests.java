package com.example.gettingstarted;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.util.function.Supplier;

/** Runs work in a request context of its own (one EntityManager per request), as a web request would. */
@ApplicationScoped
public class Requests {

    @ActivateRequestContext
    public <T> T run(Supplier<T> work) {
        return work.get();
    }
}
