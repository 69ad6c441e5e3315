package io.triggercache.cluster;

import io.triggercache.jcache.NearMode;

/** The store contract on Infinispan, near tier {@link NearMode#NEAR}. */
class InfinispanNearStoreTest extends InfinispanStoreContract {

    @Override
    protected NearMode mode() {
        return NearMode.NEAR;
    }
}
