package io.triggercache.jcache.internal;

import java.nio.charset.StandardCharsets;

/**
 * Fixed-width big-endian numbers in byte arrays (token values, entry headers), and the "binary strings"
 * (one {@code char} per byte, ISO-8859-1) in which the shared caches hold them: a type every provider
 * compares by value and serializes without a serializer of ours. Stateless.
 */
final class Bytes {

    private Bytes() {
    }

    /** A token value as stored in the token cache. */
    static String of(long value) {
        byte[] bytes = new byte[8];
        putLong(bytes, 0, value);
        return string(bytes);
    }

    /**
     * A group token or epoch as stored in the token cache: the token and the time of the invalidation that
     * created it (epoch nanoseconds, {@link io.triggercache.spi.ViewClock}), sixteen bytes.
     */
    static String stamped(long token, long invalidatedAt) {
        byte[] bytes = new byte[16];
        putLong(bytes, 0, token);
        putLong(bytes, 8, invalidatedAt);
        return string(bytes);
    }

    /**
     * The token held in a token-cache value (the first eight bytes of a {@linkplain #stamped stamped} one);
     * 0 (no token) for anything but a token. Allocation-free.
     */
    static long token(Object value) {
        if (!(value instanceof String s) || s.length() != 8 && s.length() != 16) {
            return 0;
        }
        long token = 0;
        for (int i = 0; i < 8; i++) {
            token = (token << 8) | (s.charAt(i) & 0xFF);
        }
        return token;
    }

    /**
     * The invalidation time of a {@linkplain #stamped stamped} token-cache value, or {@code unknown} for an
     * unstamped one (an eight-byte token written by an earlier version of the store). A time below
     * {@link #LEGACY_MILLIS_BELOW} was written in epoch milliseconds by a version before 0.1.0's nanosecond
     * clock (a node not yet upgraded in a rolling upgrade): it is read as that millisecond's last nanosecond,
     * never earlier than the drop it records.
     */
    static long invalidatedAt(Object value, long unknown) {
        if (!(value instanceof String s) || s.length() != 16) {
            return unknown;
        }
        long at = 0;
        for (int i = 8; i < 16; i++) {
            at = (at << 8) | (s.charAt(i) & 0xFF);
        }
        return at > 0 && at < LEGACY_MILLIS_BELOW ? at * 1_000_000 + 999_999 : at;
    }

    /**
     * A day after the epoch in nanoseconds: a stamp below it (and above zero) is in epoch milliseconds (which reach
     * it only in the year 5138).
     */
    static final long LEGACY_MILLIS_BELOW = 100_000_000_000_000L;   // 1e14: 1970-01-02 in ns, 5138 in ms

    static String string(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static byte[] bytes(String string) {
        return string.getBytes(StandardCharsets.ISO_8859_1);
    }

    static void putLong(byte[] bytes, int at, long value) {
        for (int i = 7; i >= 0; i--) {
            bytes[at + i] = (byte) value;
            value >>>= 8;
        }
    }

    static long getLong(byte[] bytes, int at) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        return value;
    }

    static void putInt(byte[] bytes, int at, int value) {
        for (int i = 3; i >= 0; i--) {
            bytes[at + i] = (byte) value;
            value >>>= 8;
        }
    }

    static int getInt(byte[] bytes, int at) {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        return value;
    }
}
