package io.triggercache.jcache.internal;

import java.util.ServiceLoader;

/**
 * Ehcache logs through SLF4J. An application that chose no SLF4J provider (it logs with JUL, JBoss Logging,
 * {@code System.Logger}) would see SLF4J's "No SLF4J providers were found" warning at the first cache, for a
 * dependency it never asked for. When no provider is visible to Ehcache's class loader and SLF4J has not started
 * yet, SLF4J is started here with its internal verbosity at {@code ERROR} for that moment only, so the warning is not
 * printed; SLF4J then uses its no-operation logger, as it would have anyway. An application with a provider (Logback,
 * Log4j, slf4j-jdk14, a server's own binding) is left alone, and the system property is restored at once.
 */
final class QuietSlf4j {

    private static final String VERBOSITY = "slf4j.internal.verbosity";
    private static volatile boolean done;

    private QuietSlf4j() {
    }

    static void beforeEhcache(ClassLoader loader) {
        if (done) {
            return;
        }
        done = true;
        try {
            Class<?> spi = Class.forName("org.slf4j.spi.SLF4JServiceProvider", false, loader);
            if (System.getProperty("slf4j.provider") != null || System.getProperty(VERBOSITY) != null
                    || ServiceLoader.load(spi, loader).findFirst().isPresent()) {
                return;
            }
            Class<?> factory = Class.forName("org.slf4j.LoggerFactory", false, loader);
            synchronized (System.class) {
                System.setProperty(VERBOSITY, "ERROR");
                try {
                    factory.getMethod("getILoggerFactory").invoke(null);
                } finally {
                    System.clearProperty(VERBOSITY);
                }
            }
        } catch (LinkageError | java.util.ServiceConfigurationError | ReflectiveOperationException
                 | RuntimeException e) {
            // no SLF4J 2 here, or it refused: nothing to quiet
        }
    }
}
