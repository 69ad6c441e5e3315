package io.triggercache.engine;

/**
 * Provides the instances of suffix functions and checkers named by triggers. The CDI integration
 * resolves them as beans first; {@link #constructors()} instantiates classes with a public no-argument
 * constructor.
 */
@FunctionalInterface
public interface Instances {

    /**
     * An instance of {@code type}.
     *
     * @throws IllegalArgumentException when there is none; the message says why, in words that complete
     *                                  "SomeClass ..." (for example "is neither a bean nor a class with a
     *                                  public no-argument constructor")
     */
    <T> T get(Class<T> type);

    /** Instances made by a public no-argument constructor. */
    static Instances constructors() {
        return new Instances() {
            @Override
            public <T> T get(Class<T> type) {
                try {
                    var c = type.getConstructor();
                    return c.newInstance();
                } catch (NoSuchMethodException e) {
                    throw new IllegalArgumentException("is neither a bean nor a class with a public no-argument constructor");
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IllegalArgumentException("could not be instantiated: " + e);
                }
            }
        };
    }
}
