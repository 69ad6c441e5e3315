package com.example.gettingstarted;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.MethodStatistics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** Builds and runs the getting-started project as docs/getting-started.md shows it, and checks what it printed. */
class GettingStartedTest {

    @Test
    void theThirtySecondExample_runsAsTheReadmeSays() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        MethodStatistics s;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try (WeldContainer container = new Weld().initialize();
             PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            s = container.select(Main.class).get().run(out);
        } finally {
            System.setErr(stderr);
        }
        // a new application that chose no SLF4J provider is not told about Ehcache's logging dependency
        assertThat(errors.toString(StandardCharsets.UTF_8)).doesNotContain("SLF4J");

        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "commentCount(42) = 0   db hit: runs the query, stores the result in group 42",
                "commentCount(42) = 0   cache hit",
                "commentCount(7)  = 1   db hit",
                "a transaction persisted a Comment whose post is 42, and committed",
                "commentCount(42) = 1   db hit: group 42 was dropped after the commit",
                "commentCount(7)  = 1   still a cache hit",
                "hits 2, misses 3, loads 3, invalidations 2");
        assertThat(s.hits()).isEqualTo(2);
        assertThat(s.loads()).isEqualTo(3);
    }
}
