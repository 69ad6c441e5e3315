/**
 * What change sources and stores implement: {@link io.triggercache.spi.ChangeSink} and
 * {@link io.triggercache.spi.TransactionChanges} (implemented by the engine, called by change sources such
 * as the Hibernate ORM listeners), and {@link io.triggercache.spi.CacheStore} with
 * {@link io.triggercache.spi.Region} (implemented by stores, called by the engine).
 */
package io.triggercache.spi;
