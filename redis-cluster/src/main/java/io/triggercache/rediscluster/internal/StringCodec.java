package io.triggercache.rediscluster.internal;

import io.lettuce.core.codec.RedisCodec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Keys and values of the store protocol to Redis bytes and back, and nothing else: keys are ASCII (see
 * {@link RedisClusterKeys}); a value is a string (the codec's output, one {@code char} per byte) stored as a tag
 * byte and its ISO-8859-1 bytes, or UTF-8 for a string with a char above 255 (never written by the store protocol,
 * kept exact for any string). A value with a tag this class did not write (another client's data under the same
 * key prefix) reads as absent, which the protocol treats as "not current". No Java serialization runs on what a
 * Redis server hands back.
 *
 * <p>Stateless and thread-safe.
 */
public final class StringCodec implements RedisCodec<String, String> {

    static final byte LATIN1 = 'L';
    static final byte UTF8 = 'U';

    public static final StringCodec INSTANCE = new StringCodec();

    private StringCodec() {
    }

    @Override
    public String decodeKey(ByteBuffer bytes) {
        return StandardCharsets.UTF_8.decode(bytes).toString();
    }

    @Override
    public String decodeValue(ByteBuffer bytes) {
        if (!bytes.hasRemaining()) {
            return null;
        }
        byte tag = bytes.get();
        return switch (tag) {
            case LATIN1 -> StandardCharsets.ISO_8859_1.decode(bytes).toString();
            case UTF8 -> StandardCharsets.UTF_8.decode(bytes).toString();
            default -> null;
        };
    }

    @Override
    public ByteBuffer encodeKey(String key) {
        return ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public ByteBuffer encodeValue(String value) {
        boolean latin1 = true;
        for (int i = 0; i < value.length() && latin1; i++) {
            latin1 = value.charAt(i) < 256;
        }
        byte[] body = value.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(body.length + 1);
        buffer.put(latin1 ? LATIN1 : UTF8).put(body).flip();
        return buffer;
    }
}
