package io.triggercache.spi;

/**
 * The state of a group captured by {@link Region#beginLoad} before a load, passed back to
 * {@link Region#put}. Opaque to the engine.
 */
public interface LoadTicket {
}
