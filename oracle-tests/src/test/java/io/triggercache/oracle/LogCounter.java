package io.triggercache.oracle;

import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the library's log messages by message id ({@code TRIGGERCACHE-nnn}, {@code TCHIBnnn}), DEBUG included,
 * keeping the first of each; the messages are not printed (a run can log thousands).
 */
final class LogCounter extends Handler {

    private static final Pattern ID = Pattern.compile("(TRIGGERCACHE-\\d+|TCHIB\\d+)");
    private final Map<String, long[]> counts = new TreeMap<>();
    private final Map<String, String> first = new TreeMap<>();
    private Logger logger;
    private Level previousLevel;
    private boolean previousParents;

    /** Installs a counter on the {@code io.triggercache} loggers (System.Logger and JBoss Logging both reach JUL). */
    static LogCounter install() {
        LogCounter c = new LogCounter();
        c.logger = Logger.getLogger("io.triggercache");
        c.previousLevel = c.logger.getLevel();
        c.previousParents = c.logger.getUseParentHandlers();
        c.logger.setLevel(Level.FINE);
        c.logger.setUseParentHandlers(false);
        c.logger.addHandler(c);
        return c;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        String msg = record.getMessage();
        if (msg == null) {
            return;
        }
        if (record.getParameters() != null && record.getParameters().length > 0) {
            try {
                msg = String.format(msg, record.getParameters());
            } catch (RuntimeException ignored) {
                // a message that is not a format string: its id is still counted
            }
        }
        Matcher m = ID.matcher(msg);
        String id = m.find() ? m.group(1) : "(no id)";
        counts.computeIfAbsent(id + " " + record.getLevel(), k -> new long[1])[0]++;
        first.putIfAbsent(id + " " + record.getLevel(), msg.length() > 400 ? msg.substring(0, 400) + "..." : msg);
    }

    /** Message counts by "id level". */
    synchronized Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }

    synchronized Map<String, String> firsts() {
        return new TreeMap<>(first);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previousLevel);
        logger.setUseParentHandlers(previousParents);
    }
}
