package io.triggercache.jcache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggercache.jcache.JCacheStore;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.UUID;

import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;

import org.junit.jupiter.api.Test;

/**
 * Hazelcast is an optional dependency: an application that brings another provider (Infinispan, Redisson) has
 * no {@code com.hazelcast} classes, and the store must still open. Here the library's classes are loaded again
 * by a class loader that hides Hazelcast, and asked for their Hazelcast pair reader over another provider's cache.
 */
class WithoutHazelcastTest {

    @Test
    void hazelcastSupport_withoutHazelcastOnTheClassPath_loadsAndAnswersNoReader() throws Exception {
        URL classes = HazelcastSupport.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader withoutHazelcast = new HidingLoader(classes, getClass().getClassLoader());
             JCacheStore store = JCacheStore.embedded()) {
            Class.forName("com.hazelcast.cache.ICache", false, getClass().getClassLoader());   // here it is visible
            assertThatThrownBy(() -> Class.forName("com.hazelcast.cache.ICache", false, withoutHazelcast))
                    .isInstanceOf(ClassNotFoundException.class);

            Class<?> support = withoutHazelcast.loadClass(HazelcastSupport.class.getName());
            assertThat(support).isNotSameAs(HazelcastSupport.class);
            Method pairReader = support.getDeclaredMethod("pairReader", Cache.class);
            pairReader.setAccessible(true);
            Cache<Object, Object> other = store.cacheManager().createCache("other-" + UUID.randomUUID(),
                    new MutableConfiguration<>());
            assertThat(pairReader.invoke(null, other)).isNull();
        }
    }

    /** Loads the library's own classes itself, and refuses Hazelcast's; everything else from its parent. */
    private static final class HidingLoader extends URLClassLoader {
        HidingLoader(URL classes, ClassLoader parent) {
            super(new URL[] {classes}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("com.hazelcast.")) {
                    throw new ClassNotFoundException(name);
                }
                if (name.startsWith("io.triggercache.jcache.")) {
                    Class<?> own = findLoadedClass(name);
                    return own != null ? own : findClass(name);
                }
                return super.loadClass(name, resolve);
            }
        }
    }
}
