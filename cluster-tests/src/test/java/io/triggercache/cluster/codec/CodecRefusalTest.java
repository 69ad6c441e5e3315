package io.triggercache.cluster.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.CacheStatistics;
import io.triggercache.Cached;
import io.triggercache.MethodStatistics;
import io.triggercache.cdi.TriggerCacheExtension;
import io.triggercache.jcache.JCacheStore;
import io.triggercache.jcache.NearMode;
import io.triggercache.jcache.SerializationCodec;
import io.triggercache.spi.CacheStore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.io.Serializable;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.cache.CacheManager;
import javax.cache.Caching;

import org.ehcache.config.builders.ConfigurationBuilder;
import org.ehcache.jsr107.EhcacheCachingProvider;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A value of a class that is not on a node's allow-list, found in the shared cache: the node refuses it
 * without building it, and the call runs the method. Two deployments (Weld SE containers) share one cache
 * under the shared-cache protocol: the first allows the value class, the second does not.
 */
class CodecRefusalTest {

    /** A cached value whose construction is counted: a record is rebuilt through its constructor when read. */
    public record Secret(String value) implements Serializable {
        static final AtomicInteger BUILT = new AtomicInteger();

        public Secret {
            BUILT.incrementAndGet();
        }
    }

    @ApplicationScoped
    public static class Secrets {
        static final AtomicInteger LOADS = new AtomicInteger();

        @Cached(name = "secret")
        public Secret secret(long id) {
            LOADS.incrementAndGet();
            return new Secret("secret " + id);
        }
    }

    static CacheManager shared;

    /** The store of the deployment that allows {@link Secret}. */
    @ApplicationScoped
    public static class AllowingStore {
        @Produces
        @ApplicationScoped
        CacheStore store() {
            return JCacheStore.builder(shared).near(NearMode.OFF)
                    .codec(SerializationCodec.builder().allow(Secret.class).build()).build();
        }
    }

    /** The store of the deployment that does not. */
    @ApplicationScoped
    public static class RefusingStore {
        @Produces
        @ApplicationScoped
        CacheStore store() {
            return JCacheStore.builder(shared).near(NearMode.OFF).codec(SerializationCodec.defaults()).build();
        }
    }

    private WeldContainer allowing;
    private WeldContainer refusing;

    private static WeldContainer deployment(String id, Class<?> store) {
        return new Weld(id + "-" + UUID.randomUUID()).disableDiscovery()
                .addBeanClasses(Secrets.class, store)
                .addExtension(new TriggerCacheExtension())
                .initialize();
    }

    @AfterEach
    void close() {
        if (allowing != null) {
            allowing.shutdown();
        }
        if (refusing != null) {
            refusing.shutdown();
        }
        shared.close();
    }

    @Test
    void valueOfAClassNotAllowed_isRefusedUnbuilt_andTheCallRunsTheMethod() {
        EhcacheCachingProvider provider = (EhcacheCachingProvider) Caching.getCachingProvider("org.ehcache.jsr107.EhcacheCachingProvider");
        shared = provider.getCacheManager(URI.create("urn:triggercache:codec:" + UUID.randomUUID()),
                ConfigurationBuilder.newConfigurationBuilder().build());
        allowing = deployment("allowing", AllowingStore.class);
        refusing = deployment("refusing", RefusingStore.class);
        Secrets onAllowing = allowing.select(Secrets.class).get();
        Secrets onRefusing = refusing.select(Secrets.class).get();

        assertThat(onAllowing.secret(1)).isEqualTo(new Secret("secret 1"));   // db hit, stored in the shared cache
        assertThat(onAllowing.secret(1)).isEqualTo(new Secret("secret 1"));   // cache hit (decoded: allowed)
        int loads = Secrets.LOADS.get();
        int built = Secret.BUILT.get();

        assertThat(onRefusing.secret(1)).isEqualTo(new Secret("secret 1"));   // refused: the method runs

        assertThat(Secrets.LOADS.get() - loads).isEqualTo(1);
        // one Secret built by the method and one by the assertion's expected value; none from the stored bytes
        assertThat(Secret.BUILT.get() - built).isEqualTo(2);
        MethodStatistics refused = refusing.select(CacheStatistics.class).get().of("secret");
        assertThat(refused.hits()).isZero();
        assertThat(refused.bypasses()).as("a store fault on read runs the method uncached").isEqualTo(1);
        assertThat(refused.errors()).as("the refused read, a store fault").isEqualTo(1);

        assertThat(onAllowing.secret(1)).isEqualTo(new Secret("secret 1"));   // the allowing node still hits
        assertThat(allowing.select(CacheStatistics.class).get().of("secret").hits()).isEqualTo(2);
    }
}
