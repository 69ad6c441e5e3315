package io.triggercache.engine;

import java.util.Locale;

/**
 * Protections a test may switch off, one at a time, to show that a checker sees what each one prevents
 * (the oracle's mutation mode). Read once per engine from the system property
 * {@value #PROPERTY} (comma-separated: {@code after-commit}, {@code tokens}, {@code moves}, {@code unknown},
 * {@code snapshot}); never set it in an application. Immutable.
 */
final class Unsafe {

    static final String PROPERTY = "triggercache.unsafe.disable";
    static final Unsafe NONE = new Unsafe("");

    /** Drops are applied when the change is reported (at flush) instead of after the commit. */
    final boolean afterCommit;
    /** A load's result is stamped with the group's state taken after the load, not before it (the naive design). */
    final boolean tokens;
    /** An update drops only the group of its new state. */
    final boolean moves;
    /** A path meeting an unknown old value drops nothing instead of every group. */
    final boolean unknown;
    /** Loads are stored whatever snapshot they read through. */
    final boolean snapshot;

    private Unsafe(String spec) {
        String s = "," + spec.toLowerCase(Locale.ROOT).replace(" ", "") + ",";
        afterCommit = s.contains(",after-commit,");
        tokens = s.contains(",tokens,");
        moves = s.contains(",moves,");
        unknown = s.contains(",unknown,");
        snapshot = s.contains(",snapshot,");
    }

    static Unsafe fromSystemProperty() {
        String spec = System.getProperty(PROPERTY);
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        Unsafe u = new Unsafe(spec);
        System.getLogger("io.triggercache").log(System.Logger.Level.WARNING, "TRIGGERCACHE-099 protections switched off for testing ("
                + PROPERTY + "=" + spec + "): this engine may serve stale values");
        return u;
    }

    boolean any() {
        return afterCommit || tokens || moves || unknown || snapshot;
    }
}
