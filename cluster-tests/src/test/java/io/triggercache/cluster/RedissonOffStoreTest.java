package io.triggercache.cluster;

import io.triggercache.jcache.NearMode;

/** The store contract on Redisson over the local Redis, near tier {@link NearMode#OFF}. */
class RedissonOffStoreTest extends RedissonStoreContract {

    @Override
    protected NearMode mode() {
        return NearMode.OFF;
    }
}
