package io.triggercache.jcache;

/**
 * Turns cached values into bytes and back, for a store whose entries leave this JVM (a distributed JCache
 * provider). Decoding reads content that any node, or anyone with access to the cache server, may have
 * written: an implementation must refuse to build objects of classes it was not told to accept.
 *
 * <p>The store calls {@link #encode} when a load is stored and {@link #decode} when an entry is read from
 * the shared cache. Any {@link RuntimeException} either throws (such as {@link CodecException}) is a store
 * fault to the engine: the call runs the method instead, nothing reaches the caller.
 *
 * <p>Implementations are thread-safe.
 */
public interface StoreCodec {

    /**
     * The bytes of a value (never {@code null}; the engine's marker for a cached {@code null} is a value too).
     *
     * @throws CodecException if the value cannot be encoded, for instance because a class in it is not allowed
     */
    byte[] encode(Object value);

    /**
     * The value of bytes produced by {@link #encode}, on this node or another.
     *
     * @throws CodecException if the bytes name a class that is not allowed (refused before any object of it
     *                        is built) or are not a payload of this codec
     */
    Object decode(byte[] bytes);
}
