package io.triggercache.memcached;

import io.triggercache.jcache.NearMode;

/** The store contract on three memcached servers, without near tier ({@link NearMode#OFF}). */
class MemcachedOffStoreTest extends MemcachedStoreContract {

    @Override
    protected NearMode mode() {
        return NearMode.OFF;
    }
}
