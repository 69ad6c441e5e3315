package io.triggercache.jcache;

import java.time.Duration;

/** The store contract on Ehcache under the shared-cache protocol with a {@link NearMode#NEAR} near tier. */
class EhcacheNearStoreTest extends EhcacheCodecStoreTest {

    @Override
    protected JCacheStore.Builder configure(JCacheStore.Builder builder) {
        return builder.codec(CODEC).near(NearMode.NEAR).heartbeat(Duration.ofMillis(50));
    }
}
