package io.triggercache.memcached;

import io.triggercache.jcache.NearMode;

/** The store contract on three memcached servers, near tier {@link NearMode#STRICT}. */
class MemcachedStrictStoreTest extends MemcachedStoreContract {

    @Override
    protected NearMode mode() {
        return NearMode.STRICT;
    }
}
