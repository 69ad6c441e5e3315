package io.triggercache;

/**
 * A condition under which a result is returned to its caller but not cached: {@link Cached#unless()}, as Spring's
 * {@code @Cacheable(unless = ...)}. For example, an empty page while a feed is still being filled, or a result that
 * says "try again later":
 *
 * <pre>{@code
 * public final class Pending implements Unless {
 *     public boolean test(Object result) {
 *         return result instanceof Report r && r.status() == Status.PENDING;
 *     }
 * }
 *
 * @Cached(suffix = "id", unless = Pending.class, triggers = @Trigger(entity = Job.class, suffix = "id"))
 * public Report report(long id) { ... }
 * }</pre>
 *
 * <p>It runs after each load on the loading thread, with the loaded value ({@code null} only with
 * {@link Cached#cacheNulls()}; without it a {@code null} is never cached anyway), before the value is stored. A
 * result it rejects is returned to every caller waiting for that load, is not stored, and counts as a load, not a
 * bypass. It is an instance of the class, from CDI when it is a bean, else made with its no-argument constructor;
 * it must be thread-safe. If it throws, the value is not stored and the fault is logged ({@code TRIGGERCACHE-023},
 * rate-limited); the call still returns the value.
 */
@FunctionalInterface
public interface Unless {

    /**
     * Returns whether {@code result} must not be cached.
     *
     * @param result the loaded value (for a {@code CompletionStage} method, the value it completed with)
     */
    boolean test(Object result);

    /** The default of {@link Cached#unless()}: every result may be cached. Never invoked. */
    final class None implements Unless {
        private None() {
        }

        @Override
        public boolean test(Object result) {
            throw new IllegalStateException("Unless.None is a marker and is never called");
        }
    }
}
