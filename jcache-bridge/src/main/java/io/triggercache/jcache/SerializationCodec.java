package io.triggercache.jcache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link StoreCodec} on Java serialization, restricted to an allow-list of classes.
 *
 * <p>Decoding installs an {@link ObjectInputFilter} on the stream: the JDK calls it with each class
 * descriptor as it is read, before any object of that class is built, so a payload naming a class that is
 * not allowed is refused without being deserialized (no constructor, {@code readObject} or
 * {@code readResolve} of it runs). The filter also bounds the graph's depth, the number of references and
 * array lengths. Encoding checks the same list, so a value that other nodes would refuse is refused at
 * {@code put} time, with the same message, rather than stored and refused on every read.
 *
 * <p>Allowed by default ({@link #defaults()}): boxed primitives, {@code String}, {@code BigInteger},
 * {@code BigDecimal}, the {@code java.time} types, {@code UUID}, {@code Date}, {@code Locale}, the common
 * {@code java.util} collections and maps (including {@code List.of}, {@code Map.of}, the
 * {@code Collections} wrappers), enums' base class, arrays of allowed classes and of primitives, and the
 * engine's marker for a cached {@code null}. The application adds its own value classes by class or by
 * package:
 * <pre>{@code
 * StoreCodec codec = SerializationCodec.builder()
 *         .allowPackage("com.acme.blog.view")     // PostView, CommentView, ...
 *         .allow(Money.class)
 *         .build();
 * }</pre>
 * A package allows its classes and those of its subpackages. Nothing else is ever allowed: not
 * {@code Object[]}-typed gadgets, not proxies ({@code Proxy} descriptors are refused), not classes of
 * libraries the application did not name.
 *
 * <p>Thread-safe and immutable.
 */
public final class SerializationCodec implements StoreCodec {

    /** The JDK and engine classes every codec allows. */
    public static final Set<String> DEFAULT_CLASSES = Set.of(
            "java.lang.String", "java.lang.Boolean", "java.lang.Byte", "java.lang.Short", "java.lang.Integer",
            "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Character", "java.lang.Number",
            "java.lang.Enum",
            "java.math.BigInteger", "java.math.BigDecimal",
            "java.util.UUID", "java.util.Date", "java.util.Locale", "java.util.Map$Entry",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque",
            "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap",
            "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
            "java.util.Arrays$ArrayList", "java.util.CollSer", "java.util.ImmutableCollections$ListN",
            "java.util.ImmutableCollections$List12", "java.util.ImmutableCollections$SetN",
            "java.util.ImmutableCollections$Set12", "java.util.ImmutableCollections$MapN",
            "java.util.ImmutableCollections$Map1",
            "java.util.Collections$EmptyList", "java.util.Collections$EmptySet", "java.util.Collections$EmptyMap",
            "java.util.Collections$SingletonList", "java.util.Collections$SingletonSet",
            "java.util.Collections$SingletonMap",
            "java.util.Collections$UnmodifiableCollection", "java.util.Collections$UnmodifiableList",
            "java.util.Collections$UnmodifiableRandomAccessList", "java.util.Collections$UnmodifiableSet",
            "java.util.Collections$UnmodifiableMap", "java.util.Collections$UnmodifiableSortedSet",
            "java.util.Collections$UnmodifiableSortedMap",
            "java.lang.String$CaseInsensitiveComparator",
            "io.triggercache.engine.NullValue");

    /** The packages every codec allows. */
    public static final Set<String> DEFAULT_PACKAGES = Set.of("java.time");

    /** System property read by {@link #defaults()}: comma-separated class names and {@code package.*} entries. */
    public static final String ALLOW_PROPERTY = "triggercache.codec.allow";

    private static final byte FORMAT = 1;
    private static final int MAX_DEPTH = 64;
    private static final long MAX_REFERENCES = 1_000_000;
    private static final long MAX_ARRAY = 10_000_000;

    private final Set<String> classes;
    private final List<String> packages;

    private SerializationCodec(Set<String> classes, Set<String> packages) {
        this.classes = Set.copyOf(classes);
        List<String> prefixes = new ArrayList<>();
        for (String p : packages) {
            prefixes.add(p + ".");
        }
        this.packages = List.copyOf(prefixes);
    }

    /**
     * The default allow-list, plus what the system property {@value #ALLOW_PROPERTY} names (for instance
     * {@code -Dtriggercache.codec.allow=com.acme.blog.view.*,com.acme.Money}).
     */
    public static SerializationCodec defaults() {
        Builder builder = builder();
        String extra = System.getProperty(ALLOW_PROPERTY, "");
        for (String entry : extra.split(",")) {
            String name = entry.strip();
            if (name.endsWith(".*")) {
                builder.allowPackage(name.substring(0, name.length() - 2));
            } else if (!name.isEmpty()) {
                builder.allowClassName(name);
            }
        }
        return builder.build();
    }

    /** A builder starting from the default allow-list. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether a class of this name may be encoded and decoded. Arrays: whether their element type may. */
    public boolean allows(String className) {
        if (classes.contains(className)) {
            return true;
        }
        for (String prefix : packages) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private boolean allows(Class<?> type) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        return element.isPrimitive() || element == Object.class && type.isArray() || allows(element.getName());
    }

    @Override
    public byte[] encode(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        bytes.write(FORMAT);
        try (CheckingOutput out = new CheckingOutput(bytes, value)) {
            out.writeObject(value);
        } catch (CodecException e) {
            throw e;
        } catch (IOException e) {
            throw new CodecException("cannot encode a value of " + describe(value) + ": " + e, e);
        }
        return bytes.toByteArray();
    }

    @Override
    public Object decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0 || bytes[0] != FORMAT) {
            throw new CodecException("refused a stored value that is not a payload of " + getClass().getSimpleName()
                    + " (format byte " + (bytes == null || bytes.length == 0 ? "missing" : Byte.toString(bytes[0])) + ")");
        }
        AllowListFilter filter = new AllowListFilter(bytes.length);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        } catch (InvalidClassException e) {
            if (filter.refused != null) {
                throw new CodecException(filter.refused, e);
            }
            throw new CodecException("refused a stored value: " + e.getMessage(), e);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            if (filter.refused != null) {
                throw new CodecException(filter.refused, e);
            }
            throw new CodecException("cannot decode a stored value: " + e, e);
        }
    }

    private String refusal(String className, String when) {
        return "refused to " + when + " a value of class " + className + ": it is not on the codec's allow-list."
                + " Allow it with SerializationCodec.builder().allow(" + simpleName(className) + ".class) or"
                + " .allowPackage(\"" + packageOf(className) + "\"), or -D" + ALLOW_PROPERTY + "=" + className
                + "; the call ran the method instead.";
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }

    @Override
    public String toString() {
        return "SerializationCodec[" + classes.size() + " classes, packages " + packages + "]";
    }

    /** Checks each class descriptor written against the allow-list. */
    private final class CheckingOutput extends ObjectOutputStream {

        private final Object root;

        CheckingOutput(OutputStream out, Object root) throws IOException {
            super(out);
            this.root = root;
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object object) {
            if (!(object instanceof java.io.Serializable)) {
                throw new CodecException("cannot store a value of " + describe(root) + " in a shared cache: "
                        + object.getClass().getName() + " in it is not Serializable. Make it implement"
                        + " java.io.Serializable (and allow it in the codec), or cache a serializable view of it.");
            }
            return object;
        }

        @Override
        protected void annotateClass(Class<?> type) {
            if (!allows(type)) {
                throw new CodecException(refusal(type.getName(), "store"));
            }
        }

        @Override
        protected void annotateProxyClass(Class<?> type) {
            throw new CodecException("refused to store a proxy of " + List.of(type.getInterfaces())
                    + ": proxies are never allowed in a shared cache");
        }
    }

    /** The decode-side check: called by the JDK before any object of a class is built. One per decode. */
    private final class AllowListFilter implements ObjectInputFilter {

        private final long maxBytes;
        String refused;

        AllowListFilter(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public Status checkInput(FilterInfo info) {
            if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES || info.arrayLength() > MAX_ARRAY
                    || info.streamBytes() > maxBytes) {
                refused = "refused a stored value: it exceeds the codec's limits (depth " + info.depth() + ", references "
                        + info.references() + ", array length " + info.arrayLength() + ")";
                return Status.REJECTED;
            }
            Class<?> type = info.serialClass();
            if (type == null) {
                return Status.UNDECIDED;
            }
            if (java.lang.reflect.Proxy.isProxyClass(type) || !allows(type)) {
                refused = refusal(type.getName(), "read");
                return Status.REJECTED;
            }
            return Status.ALLOWED;
        }
    }

    /** The allow-list of a {@link SerializationCodec}. Not thread-safe; build once. */
    public static final class Builder {

        private final Set<String> classes = new LinkedHashSet<>(DEFAULT_CLASSES);
        private final Set<String> packages = new LinkedHashSet<>(DEFAULT_PACKAGES);

        private Builder() {
        }

        /** Allows these classes (not their subclasses: each class that appears in a value must be allowed). */
        public Builder allow(Class<?>... types) {
            for (Class<?> type : types) {
                allowClassName(Objects.requireNonNull(type, "type").getName());
            }
            return this;
        }

        /** Allows the class of this binary name ({@code com.acme.Outer$Inner} for a nested class). */
        public Builder allowClassName(String className) {
            Objects.requireNonNull(className, "className");
            if (className.isBlank()) {
                throw new IllegalArgumentException("an allowed class name is blank");
            }
            classes.add(className);
            return this;
        }

        /**
         * Allows every class of this package and of its subpackages.
         *
         * @throws IllegalArgumentException for an empty name or a package of the JDK's or of common
         *                                  libraries' internals ({@code java}, {@code javax}, {@code sun},
         *                                  {@code jdk}, {@code com.sun}, {@code org}, {@code com}), which
         *                                  would let known gadget classes in
         */
        public Builder allowPackage(String packageName) {
            Objects.requireNonNull(packageName, "packageName");
            String name = packageName.endsWith(".") ? packageName.substring(0, packageName.length() - 1) : packageName;
            if (name.isBlank() || Set.of("java", "javax", "jakarta", "sun", "jdk", "com", "org", "net", "io", "com.sun",
                    "java.lang", "java.util", "java.io", "java.rmi", "javax.management").contains(name)) {
                throw new IllegalArgumentException("allowPackage(\"" + packageName + "\") would allow too much: name the"
                        + " application's own value packages (com.acme.blog.view) or single classes");
            }
            packages.add(name);
            return this;
        }

        /** The codec. */
        public SerializationCodec build() {
            return new SerializationCodec(Collections.unmodifiableSet(classes), packages);
        }
    }
}
