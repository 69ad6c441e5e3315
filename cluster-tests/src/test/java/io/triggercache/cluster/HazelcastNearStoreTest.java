package io.triggercache.cluster;

import io.triggercache.jcache.NearMode;

import org.junit.jupiter.api.Tag;

/** The store contract on Hazelcast, near tier {@link NearMode#NEAR}. */
@Tag("slow")
class HazelcastNearStoreTest extends HazelcastStoreContract {

    @Override
    protected NearMode mode() {
        return NearMode.NEAR;
    }
}
