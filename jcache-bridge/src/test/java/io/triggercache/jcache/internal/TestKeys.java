package io.triggercache.jcache.internal;

/** The encoded form of keys, for tests that look into the JCache caches under a codec store. */
public final class TestKeys {

    private TestKeys() {
    }

    public static String entry(Object key) {
        return KeyEncoder.entry(key);
    }

    public static String group(String region, java.util.List<?> group) {
        return KeyEncoder.group(region, group);
    }

    public static String epoch(String region) {
        return KeyEncoder.epoch(region);
    }
}
