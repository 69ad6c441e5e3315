package io.triggercache.rediscluster;

import io.triggercache.jcache.NearMode;

/** The store contract on a Redis Cluster of 3 masters and 3 replicas, without near tier ({@link NearMode#OFF}). */
class RedisClusterOffStoreTest extends RedisClusterStoreContract {

    @Override
    protected NearMode mode() {
        return NearMode.OFF;
    }
}
