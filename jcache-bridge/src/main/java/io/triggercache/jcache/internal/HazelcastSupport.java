package io.triggercache.jcache.internal;

import com.hazelcast.cache.ICache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.cache.Cache;

/**
 * Reads two keys of a Hazelcast cache in one round trip's time: both {@code getAsync} operations are sent
 * before either answer is awaited. Touches Hazelcast's classes, so it is loaded only through
 * {@link #pairReader}, which first checks that the cache is a Hazelcast {@link ICache} this class can see.
 */
final class HazelcastSupport {

    private HazelcastSupport() {
    }

    /** Reads two keys of {@code cache} at once, or {@code null} if it is not a Hazelcast cache visible here. */
    static SharedTokens.PairReader pairReader(Cache<Object, Object> cache) {
        Class<?> icache;
        try {
            icache = Class.forName("com.hazelcast.cache.ICache", false, HazelcastSupport.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        if (!icache.isInstance(cache)) {
            return null;
        }
        return Async.over(cache);
    }

    /** Loaded only once {@code ICache} is known to be visible. */
    private static final class Async {
        @SuppressWarnings("unchecked")
        static SharedTokens.PairReader over(Cache<Object, Object> cache) {
            ICache<Object, Object> hazelcast = (ICache<Object, Object>) cache;
            return (first, second, into) -> {
                CompletableFuture<Object> one = hazelcast.getAsync(first).toCompletableFuture();
                CompletableFuture<Object> two = hazelcast.getAsync(second).toCompletableFuture();
                into[0] = Bytes.token(join(one));
                into[1] = Bytes.token(join(two));
            };
        }

        private static Object join(CompletableFuture<Object> answer) {
            try {
                return answer.join();
            } catch (CompletionException e) {
                // the operation's own failure, as the synchronous get would have thrown it: a store fault
                if (e.getCause() instanceof RuntimeException fault) {
                    throw fault;
                }
                throw e;
            }
        }
    }
}
