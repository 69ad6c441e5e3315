package io.triggercache.rediscluster;

import io.triggercache.jcache.NearMode;

/** The store contract on a Redis Cluster of 3 masters and 3 replicas, near tier {@link NearMode#STRICT}. */
class RedisClusterStrictStoreTest extends RedisClusterStoreContract {

    @Override
    protected NearMode mode() {
        return NearMode.STRICT;
    }
}
