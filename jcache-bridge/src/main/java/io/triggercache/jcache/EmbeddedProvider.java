package io.triggercache.jcache;

import java.util.Locale;

/**
 * The JCache provider of an embedded store ({@link JCacheStore#embedded()}): entries on heap in this JVM, held by
 * reference, in a {@code CacheManager} of the store's own. Chosen by the system property
 * {@value #PROPERTY} ({@code ehcache}, the default, or {@code caffeine}) or by passing one to
 * {@link JCacheStore#embedded(EmbeddedProvider)}.
 *
 * <p>Both honour the same bounds (each cache the store creates holds at most its region's {@code maxEntries},
 * evicted on the writing thread) and neither expires anything by itself: a method's {@code ttl} and
 * {@code jitter} are applied by the engine over either. Tokens are {@link TokenPlacement#LOCAL} on both.
 */
public enum EmbeddedProvider {

    /**
     * Ehcache 3 ({@code org.ehcache:ehcache:jakarta}), which {@code triggercache-jcache} brings: the default. Its
     * on-heap tier is a concurrent map whose reads record access times and statistics.
     */
    EHCACHE,

    /**
     * Caffeine's JCache provider ({@code com.github.ben-manes.caffeine:jcache}, an optional dependency the
     * application adds, at the version of the Caffeine that {@code triggercache-jcache} brings for its token map:
     * 3.2.2 in this release). Caffeine's reads are lock-free: a hit is a
     * {@code ConcurrentHashMap} read plus a lossy, striped read buffer; maintenance (eviction) runs on the writing
     * thread, never on the common fork-join pool.
     */
    CAFFEINE;

    /** The system property naming the embedded provider: {@code ehcache} (default) or {@code caffeine}. */
    public static final String PROPERTY = "triggercache.embedded";

    /**
     * The provider the system property {@value #PROPERTY} names, {@link #EHCACHE} when it is not set or blank.
     *
     * @throws IllegalArgumentException if the property names no provider, saying which values it takes
     */
    public static EmbeddedProvider fromSystemProperty() {
        return parse(System.getProperty(PROPERTY));
    }

    /**
     * The provider named {@code value} (case and surrounding blanks ignored), {@link #EHCACHE} for null or blank.
     *
     * @throws IllegalArgumentException if {@code value} names no provider
     */
    public static EmbeddedProvider parse(String value) {
        if (value == null || value.isBlank()) {
            return EHCACHE;
        }
        String name = value.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "ehcache" -> EHCACHE;
            case "caffeine" -> CAFFEINE;
            default -> throw new IllegalArgumentException("system property " + PROPERTY + "=\"" + value
                    + "\" names no embedded store provider. It takes \"ehcache\" (the default) or \"caffeine\"."
                    + " Fix the value, or remove the property to use Ehcache 3.");
        };
    }
}
