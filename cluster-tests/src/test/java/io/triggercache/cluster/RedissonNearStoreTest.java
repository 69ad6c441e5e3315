package io.triggercache.cluster;

import io.triggercache.jcache.NearMode;

/** The store contract on Redisson over the local Redis, near tier {@link NearMode#NEAR}. */
class RedissonNearStoreTest extends RedissonStoreContract {

    @Override
    protected NearMode mode() {
        return NearMode.NEAR;
    }
}
