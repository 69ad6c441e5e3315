package io.triggercache.cdc.internal;

import java.util.function.Supplier;

/** The module's logging, through {@link System.Logger} (logger {@code io.triggercache.cdc}); messages carry ids TCCDCnnn. */
public final class Log {

    static final System.Logger LOG = System.getLogger("io.triggercache.cdc");

    private Log() {
    }

    public static void debug(Supplier<String> message) {
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, message.get());
        }
    }

    public static void info(String message) {
        LOG.log(System.Logger.Level.INFO, message);
    }

    public static void warn(String message, Throwable t) {
        LOG.log(System.Logger.Level.WARNING, message, t);
    }
}
