package io.triggercache.cluster;

import io.triggercache.jcache.NearMode;

import org.junit.jupiter.api.Tag;

/** The store contract on Infinispan, near tier {@link NearMode#STRICT}. */
@Tag("slow")
class InfinispanStrictStoreTest extends InfinispanStoreContract {

    @Override
    protected NearMode mode() {
        return NearMode.STRICT;
    }
}
