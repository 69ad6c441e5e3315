package io.triggercache.engine;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code @Cached(ttl)}: ISO-8601 ({@code PT10M}) or a number with a unit ({@code 10m}). */
final class Ttl {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Ttl() {
    }

    /** The duration, {@link Duration#ZERO} for an empty text, or {@code null} if unparsable or not positive. */
    static Duration parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return Duration.ZERO;
        }
        Matcher m = SHORT.matcher(t);
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms":
                    d = Duration.ofMillis(n);
                    break;
                case "s":
                    d = Duration.ofSeconds(n);
                    break;
                case "m":
                    d = Duration.ofMinutes(n);
                    break;
                case "h":
                    d = Duration.ofHours(n);
                    break;
                default:
                    d = Duration.ofDays(n);
                    break;
            }
        } else {
            try {
                d = Duration.parse(t);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return d.isNegative() || d.isZero() ? null : d;
    }
}
