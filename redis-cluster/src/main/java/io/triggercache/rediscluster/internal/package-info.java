/**
 * The JCache view of a Redis Cluster that {@link io.triggercache.rediscluster.RedisClusterStore} runs the shared
 * store protocol on: not an API, may change without notice.
 */
package io.triggercache.rediscluster.internal;
