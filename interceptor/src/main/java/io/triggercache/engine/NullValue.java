package io.triggercache.engine;

/** The marker stored for a {@code null} result of a method with {@code cacheNulls}. */
enum NullValue {
    INSTANCE
}
