package io.triggercache.jcache.internal;

import com.hazelcast.cache.ICache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.cache.Cache;

/**
 * Reads two (or more) keys of a Hazelcast cache in one round trip's time: every {@code getAsync} operation is
 * sent before any answer is awaited. Touches Hazelcast's classes, so it is loaded only through
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
            return new SharedTokens.PairReader() {
                @Override
                public void read(String first, String second, long[] into) {
                    CompletableFuture<Object> one = hazelcast.getAsync(first).toCompletableFuture();
                    CompletableFuture<Object> two = hazelcast.getAsync(second).toCompletableFuture();
                    into[0] = Bytes.token(join(one));
                    into[1] = Bytes.token(join(two));
                }

                @Override
                public void readAll(String[] keys, long[] into) {
                    @SuppressWarnings("unchecked")
                    CompletableFuture<Object>[] answers = new CompletableFuture[keys.length];
                    for (int i = 0; i < keys.length; i++) {
                        answers[i] = hazelcast.getAsync(keys[i]).toCompletableFuture();
                    }
                    for (int i = 0; i < keys.length; i++) {
                        into[i] = Bytes.token(join(answers[i]));
                    }
                }
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
