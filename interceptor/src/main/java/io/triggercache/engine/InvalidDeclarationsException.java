package io.triggercache.engine;

import java.util.List;

/**
 * Every problem found in the {@code @Cached} declarations of a deployment, at once. The message lists
 * one problem per line, each naming the class, the method, the rule broken and the fix.
 */
public final class InvalidDeclarationsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InvalidDeclarationsException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** The exception for {@code problems} found outside the engine (the deployment's persistence units). */
    public static InvalidDeclarationsException of(List<String> problems) {
        return new InvalidDeclarationsException(problems);
    }

    /** The problems, one message each, in declaration order. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        StringBuilder sb = new StringBuilder()
                .append(problems.size() == 1 ? "1 invalid @Cached declaration" : problems.size() + " invalid @Cached declarations")
                .append(" (triggercache):");
        for (String p : problems) {
            sb.append(System.lineSeparator()).append("  - ").append(p);
        }
        return sb.toString();
    }
}
