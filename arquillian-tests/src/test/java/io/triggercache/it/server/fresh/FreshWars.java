package io.triggercache.it.server.fresh;

import io.triggercache.CacheStatistics;
import io.triggercache.MethodStatistics;
import io.triggercache.it.server.Counts;
import io.triggercache.it.server.Wars;
import java.util.HashMap;
import java.util.Map;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR of the freshness stories, and what they measure: how a cached method's counts moved. */
public final class FreshWars {

    /** The name of {@link FreshReads#title}'s entries and statistics. */
    public static final String TITLE = FreshReads.class.getName() + ".title";
    /** The name of {@link FreshReads#titleQueried}'s entries and statistics. */
    public static final String TITLE_QUERIED = FreshReads.class.getName() + ".titleQueried";

    private FreshWars() {
    }

    /** The blog's WAR for {@code server} with the freshness stories' beans, named {@code name}.war. */
    public static WebArchive war(String name, Wars.Server server) {
        return Wars.blog(name, server).addClasses(FreshReads.class, FreshWork.class, FreshEjb.class, FreshWars.class, FreshWars.Marks.class);
    }

    /**
     * Waits until the clock has left the millisecond {@code millis}. The engine stores a load only if the view it read
     * through opened strictly after the group's last drop (milliseconds, {@code ReadBarrier.readsSince}); a story that
     * expects a load right after a commit to be stored first lets the clock leave the millisecond of that commit. At
     * most one millisecond, on the clock itself (no sleep).
     */
    public static void awaitClockPast(long millis) {
        while (System.currentTimeMillis() <= millis) {
            Thread.onSpinWait();
        }
    }

    /** Snapshots of methods' statistics, and how they moved since. */
    public static final class Marks {
        private final CacheStatistics statistics;
        private final Map<String, MethodStatistics> marks = new HashMap<>();

        public Marks(CacheStatistics statistics, String... names) {
            this.statistics = statistics;
            for (String n : names) {
                marks.put(n, statistics.of(n));
            }
        }

        public Counts since(String name) {
            MethodStatistics before = marks.get(name);
            MethodStatistics after = statistics.of(name);
            return new Counts(after.hits() - before.hits(), after.misses() - before.misses(), after.loads() - before.loads(),
                    after.invalidations() - before.invalidations(), after.bypasses() - before.bypasses(), after.errors() - before.errors());
        }
    }
}
