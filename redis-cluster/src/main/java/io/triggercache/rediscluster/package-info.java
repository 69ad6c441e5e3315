/**
 * The store over a sharded Redis Cluster: {@link io.triggercache.rediscluster.RedisClusterStore}, and the JCache
 * view it runs on, {@link io.triggercache.rediscluster.RedisClusterCacheManager}.
 */
package io.triggercache.rediscluster;
