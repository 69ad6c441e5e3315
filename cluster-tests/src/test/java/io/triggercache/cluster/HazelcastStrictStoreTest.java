package io.triggercache.cluster;

import io.triggercache.jcache.NearMode;

/** The store contract on Hazelcast, near tier {@link NearMode#STRICT}. */
class HazelcastStrictStoreTest extends HazelcastStoreContract {

    @Override
    protected NearMode mode() {
        return NearMode.STRICT;
    }
}
