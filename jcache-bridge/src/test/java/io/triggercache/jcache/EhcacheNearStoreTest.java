package io.triggercache.jcache;

import java.time.Duration;

/** The store contract on Ehcache under the shared-cache protocol with a {@link NearMode#NEAR} near tier. */
class EhcacheNearStoreTest extends EhcacheCodecStoreTest {

    @Override
    protected JCacheStore.Builder configure(JCacheStore.Builder builder) {
        // the default heartbeat (250 ms): with 50 ms, a loaded machine's stall of 150 ms between heartbeat events
        // made the near tier distrust its mirror, and a contract hit read as a miss
        return builder.codec(CODEC).near(NearMode.NEAR).heartbeat(Duration.ofMillis(250));
    }
}
