package io.triggercache.cluster;

import io.triggercache.jcache.NearMode;

import org.junit.jupiter.api.Tag;

/** The store contract on Hazelcast, near tier {@link NearMode#OFF}. */
@Tag("slow")
class HazelcastOffStoreTest extends HazelcastStoreContract {

    @Override
    protected NearMode mode() {
        return NearMode.OFF;
    }
}
