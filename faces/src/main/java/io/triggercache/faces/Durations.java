package io.triggercache.faces;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a {@code ttl} attribute as {@code @Cached(ttl)} does: ISO-8601 ({@code PT10M}) or a number with a unit ({@code 10m}). */
final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Durations() {
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
            d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
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
