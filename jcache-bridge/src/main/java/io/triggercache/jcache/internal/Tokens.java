package io.triggercache.jcache.internal;

import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The source of fresh token values: random, non-zero, 64 bits.
 *
 * <p>The protocol's safety rests on a removed token value never coming back for the same group. Values
 * are drawn from {@link ThreadLocalRandom} (no contention between loader threads) and mixed with a salt
 * drawn once per store from {@link SecureRandom}, so that two nodes whose generators happen to start
 * from the same state (for instance JVMs restored from one checkpoint) still draw different values.
 * Thread-safe.
 */
public final class Tokens {

    private final long salt = new SecureRandom().nextLong();

    /** A value no token held before, with overwhelming probability. */
    public long next() {
        long value;
        do {
            value = ThreadLocalRandom.current().nextLong() ^ salt;
        } while (value == 0);
        return value;
    }
}
