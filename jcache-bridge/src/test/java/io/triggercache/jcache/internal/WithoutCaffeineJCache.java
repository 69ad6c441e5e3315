package io.triggercache.jcache.internal;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * A class loader that loads the library's own classes again and hides Caffeine's JCache provider
 * ({@code com.github.benmanes.caffeine.jcache}), keeping Caffeine itself: a deployment without the optional
 * dependency. Never closed: the test's classes stay loaded for the JVM's life, as test classes do.
 */
public final class WithoutCaffeineJCache extends URLClassLoader {

    private WithoutCaffeineJCache(URL classes, ClassLoader parent) {
        super(new URL[] {classes}, parent);
    }

    /** {@code type} loaded by a new such class loader. */
    public static Class<?> load(Class<?> type) throws ClassNotFoundException {
        URL classes = type.getProtectionDomain().getCodeSource().getLocation();
        return new WithoutCaffeineJCache(classes, type.getClassLoader()).loadClass(type.getName());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            if (name.startsWith("com.github.benmanes.caffeine.jcache.")) {
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
