package io.triggercache.cluster;

import io.triggercache.memcached.MemcachedServers;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes, each in a JVM of its own, whose shared store is {@code MemcachedStore} over 3 memcached
 * servers this test starts on loopback ports (-Pservices): the two-node contract (I1, I3 and I6 across nodes). memcached
 * has no change events, so the store serves {@code NEAR} as {@code STRICT}: the contract's NEAR method is fresh at once.
 */
@Tag("services")
class MemcachedTwoNodesTest extends TwoNodesContract {

    private MemcachedServers servers;

    @Override
    protected void startStore() {
        servers = MemcachedServers.start(3);
    }

    @Override
    protected void stopStore() {
        if (servers != null) {
            servers.close();
        }
    }

    /**
     * Every memcached hit is a network round trip (NEAR too: there is no near tier), so the contract's 200,000 NEAR
     * hits would take minutes: 2,000 per mode here. The figures are reported, not compared (NEAR costs what STRICT
     * does on this store).
     */
    @Override
    @Test
    void hitCost_perNearMode_isMeasured() {
        for (String method : List.of("title", "near", "off")) {
            b.call(method + " 6");   // warm
        }
        long strict = Long.parseLong(b.call("hitcost title 6 2000").split(" ")[0]);
        long near = Long.parseLong(b.call("hitcost near 6 2000").split(" ")[0]);
        long off = Long.parseLong(b.call("hitcost off 6 2000").split(" ")[0]);
        report("hit cost (ns/op, through the CDI interceptor) " + getClass().getSimpleName() + ": STRICT=" + strict
                + " NEAR (served as STRICT)=" + near + " OFF=" + off);

        assertThat(List.of(strict, near, off)).allMatch(ns -> ns > 0);
        assertThat(b.call("stats").split(" ")[4]).isEqualTo("0");   // no store faults on the way
    }

    @Override
    protected Map<String, String> storeArguments(int node) {
        return Map.of("store", "memcached", "memcached.servers", servers.addresses());
    }
}
