package io.triggercache.memcached.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The memcached keys of one cache: {@code <prefix>:<cache>:<key>} with the cache name and the key in URL-safe
 * base64 (memcached's text protocol allows no spaces or control characters in a key, and the store's keys are
 * binary strings), or {@code <prefix>:<cache>#<SHA-256 of the key>} when that would pass memcached's 250-byte
 * limit. The two forms cannot meet (base64 has neither {@code ':'} nor {@code '#'}), and neither can two caches
 * or two prefixes, so distinct keys stay distinct but for a SHA-256 collision.
 *
 * <p>Immutable.
 */
final class MemcachedKeys {

    static final int MAX_KEY = 250;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    private final String plain;
    private final String hashed;

    MemcachedKeys(String prefix, String cacheName) {
        String cache = B64.encodeToString(cacheName.getBytes(StandardCharsets.UTF_8));
        this.plain = prefix + ":" + cache + ":";
        this.hashed = prefix + ":" + cache + "#";
        if (hashed.length() + 43 > MAX_KEY) {
            throw new IllegalArgumentException("cache name too long for memcached keys: " + cacheName
                    + " (key prefix and cache name must fit in about 150 bytes)");
        }
    }

    /** The memcached key of a store key. */
    String key(Object key) {
        if (!(key instanceof String string)) {
            throw new IllegalArgumentException("memcached caches of triggercache take string keys only, got "
                    + (key == null ? "null" : key.getClass().getName()));
        }
        byte[] bytes = string.getBytes(StandardCharsets.UTF_8);
        if (plain.length() + (bytes.length * 4 + 2) / 3 <= MAX_KEY) {
            return plain + B64.encodeToString(bytes);
        }
        try {
            return hashed + B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }

    /** Whether a memcached key belongs to this cache. */
    boolean owns(String memcachedKey) {
        return memcachedKey.startsWith(plain) || memcachedKey.startsWith(hashed);
    }

    /** The store key of a memcached key of this cache, or {@code null} for a hashed one (not reversible). */
    String storeKey(String memcachedKey) {
        if (!memcachedKey.startsWith(plain)) {
            return null;
        }
        try {
            return new String(UNB64.decode(memcachedKey.substring(plain.length())), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
