package io.triggercache.memcached.internal;

import java.nio.charset.StandardCharsets;

import net.rubyeye.xmemcached.transcoders.CachedData;
import net.rubyeye.xmemcached.transcoders.CompressionMode;
import net.rubyeye.xmemcached.transcoders.Transcoder;

/**
 * Strings to memcached item bytes and back, and nothing else: the store protocol writes only strings (one
 * {@code char} per byte, the codec's output inside), so no Java serialization ever runs on what a memcached
 * server hands back. An item with a flag this class did not write (another client's data under the same key
 * prefix) reads as absent, which the protocol treats as "not current".
 *
 * <p>Stateless and thread-safe.
 */
final class StringTranscoder implements Transcoder<Object> {

    /** Every char below 256: one byte each. */
    static final int LATIN1 = 0x54430001;
    /** Some char above 255: UTF-8 (never written by the store protocol, kept exact for any string). */
    static final int UTF8 = 0x54430002;

    static final StringTranscoder INSTANCE = new StringTranscoder();

    private StringTranscoder() {
    }

    @Override
    public CachedData encode(Object value) {
        if (!(value instanceof String string)) {
            throw new IllegalArgumentException("memcached caches of triggercache hold strings only, got "
                    + (value == null ? "null" : value.getClass().getName())
                    + ": values reach memcached through the store's codec (StoreCodec), never as objects");
        }
        boolean latin1 = true;
        for (int i = 0; i < string.length() && latin1; i++) {
            latin1 = string.charAt(i) < 256;
        }
        return latin1 ? new CachedData(LATIN1, string.getBytes(StandardCharsets.ISO_8859_1))
                : new CachedData(UTF8, string.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Object decode(CachedData data) {
        return switch (data.getFlag()) {
            case LATIN1 -> new String(data.getData(), StandardCharsets.ISO_8859_1);
            case UTF8 -> new String(data.getData(), StandardCharsets.UTF_8);
            default -> null;
        };
    }

    @Override
    public void setPrimitiveAsString(boolean primitiveAsString) {
    }

    @Override
    public void setPackZeros(boolean packZeros) {
    }

    @Override
    public void setCompressionThreshold(int threshold) {
    }

    @Override
    public boolean isPrimitiveAsString() {
        return false;
    }

    @Override
    public boolean isPackZeros() {
        return false;
    }

    @Override
    public void setCompressionMode(CompressionMode mode) {
    }
}
