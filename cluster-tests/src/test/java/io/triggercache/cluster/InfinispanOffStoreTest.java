package io.triggercache.cluster;

import io.triggercache.jcache.NearMode;

/** The store contract on Infinispan, near tier {@link NearMode#OFF}. */
class InfinispanOffStoreTest extends InfinispanStoreContract {

    @Override
    protected NearMode mode() {
        return NearMode.OFF;
    }
}
