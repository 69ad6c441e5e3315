package io.triggercache.rediscluster.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The Redis keys of one cache: {@code <prefix>:<cache>:<key>} with the cache name and the key in URL-safe base64.
 * One Redis key per entry, and no hash tag ({@code '{'} cannot occur: base64url has none and the prefix is
 * {@code [A-Za-z0-9_.-]}), so Redis Cluster spreads the entries of one cache over all hash slots, hence all shards.
 * Two caches or two prefixes never meet (base64 has no {@code ':'}), and the keys hold no glob character, so
 * {@code SCAN MATCH <prefix>:<cache>:*} finds exactly one cache's keys.
 *
 * <p>Immutable.
 */
final class RedisClusterKeys {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    private final String head;

    RedisClusterKeys(String prefix, String cacheName) {
        this.head = prefix + ":" + B64.encodeToString(cacheName.getBytes(StandardCharsets.UTF_8)) + ":";
    }

    /** The Redis key of a store key. */
    String key(Object key) {
        if (!(key instanceof String string)) {
            throw new IllegalArgumentException("Redis Cluster caches of triggercache take string keys only, got "
                    + (key == null ? "null" : key.getClass().getName()));
        }
        return head + B64.encodeToString(string.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code SCAN MATCH} pattern of this cache's keys. */
    String pattern() {
        return head + "*";
    }

    /** The store key of a Redis key of this cache, or {@code null} if it is not one. */
    String storeKey(String redisKey) {
        if (!redisKey.startsWith(head)) {
            return null;
        }
        try {
            return new String(UNB64.decode(redisKey.substring(head.length())), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
