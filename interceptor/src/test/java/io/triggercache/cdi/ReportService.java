package io.triggercache.cdi;

import io.triggercache.Cached;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/** Class-level @Cached: every public non-void method is cached; void methods run as usual. */
@ApplicationScoped
@Cached(ttl = "1h")
public class ReportService {

    static final AtomicInteger runs = new AtomicInteger();

    public String daily(String day) {
        runs.incrementAndGet();
        return "report " + day;
    }

    public void touch() {
        runs.incrementAndGet();
    }
}
