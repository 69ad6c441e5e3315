package io.triggercache.jcache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link StoreCodec} on Java serialization, restricted to an allow-list of classes.
 *
 * <p>Decoding installs an {@link ObjectInputFilter} on the stream: the JDK calls it with each class
 * descriptor as it is read, before any object of that class is built, so a payload naming a class that is
 * not allowed is refused without being deserialized (no constructor, {@code readObject} or
 * {@code readResolve} of it runs). Encoding checks the same list, so a value that other nodes would refuse is
 * refused at {@code put} time, with the same message, rather than stored and refused on every read.
 *
 * <p>Decoding is also bounded in size and in work, so that a small payload cannot make a node spend
 * minutes or gigabytes (a SerialDOS payload of nested {@code HashSet}s is a few kilobytes, and rebuilding it
 * computes hash codes over 2<sup>levels</sup> paths). The size limits are the JDK's own
 * ({@link ObjectInputFilter.Config#createFilter(String)}): {@code maxdepth} (nesting of objects, default
 * {@value #DEFAULT_MAX_DEPTH}), {@code maxrefs} (objects and back-references read, default
 * {@value #DEFAULT_MAX_REFERENCES}), {@code maxarray} (length of any array, default {@value #DEFAULT_MAX_ARRAY})
 * and {@code maxbytes} (payload length, default {@value #DEFAULT_MAX_BYTES}). None of them bounds the hashing
 * a {@code HashSet} or {@code HashMap} does while it is rebuilt, which is exponential in the nesting when
 * objects are shared; so the codec adds {@code maxwork} (default {@value #DEFAULT_MAX_WORK}): as each object
 * is completed, before any set or map can hash it, the codec counts the objects a walk of it visits (what
 * {@code hashCode} or {@code equals} visit: a shared object once per path to it), and refuses the payload
 * once the sum over the objects decoded so far exceeds the limit. A tree of n objects at depth d counts
 * about n&times;d. A refusal names the limit and how to raise it: {@link Builder#limits(String)} or
 * {@code -D}{@value #LIMITS_PROPERTY}, in the JDK's syntax ({@code maxwork=50000000;maxdepth=100}).
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

    /**
     * System property read by {@link #defaults()}: decoding limits in the JDK's filter syntax, for instance
     * {@code -Dtriggercache.codec.limits=maxwork=50000000;maxdepth=100}. See {@link Builder#limits(String)}.
     */
    public static final String LIMITS_PROPERTY = "triggercache.codec.limits";

    /** Default {@code maxdepth}: how deeply objects may nest. */
    public static final long DEFAULT_MAX_DEPTH = 64;
    /** Default {@code maxrefs}: how many objects and back-references a payload may hold. */
    public static final long DEFAULT_MAX_REFERENCES = 1_000_000;
    /** Default {@code maxarray}: the longest array a payload may hold. */
    public static final long DEFAULT_MAX_ARRAY = 10_000_000;
    /** Default {@code maxbytes}: the longest payload (64 MiB). */
    public static final long DEFAULT_MAX_BYTES = 64L << 20;
    /** Default {@code maxwork}: the objects walks of the decoded objects may visit, summed (see the class doc). */
    public static final long DEFAULT_MAX_WORK = 20_000_000;

    private static final byte FORMAT = 1;
    private static final List<String> LIMIT_NAMES = List.of("maxdepth", "maxrefs", "maxarray", "maxbytes", "maxwork");

    private final Set<String> classes;
    private final List<String> packages;
    private final Map<String, Long> limits;
    private final ObjectInputFilter sizeLimits;
    private final long maxWork;

    private SerializationCodec(Set<String> classes, Set<String> packages, Map<String, Long> limits) {
        this.classes = Set.copyOf(classes);
        List<String> prefixes = new ArrayList<>();
        for (String p : packages) {
            prefixes.add(p + ".");
        }
        this.packages = List.copyOf(prefixes);
        this.limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits));
        this.sizeLimits = ObjectInputFilter.Config.createFilter("maxdepth=" + limits.get("maxdepth") + ";maxrefs="
                + limits.get("maxrefs") + ";maxarray=" + limits.get("maxarray") + ";maxbytes=" + limits.get("maxbytes"));
        this.maxWork = limits.get("maxwork");
    }

    /**
     * The default allow-list, plus what the system property {@value #ALLOW_PROPERTY} names (for instance
     * {@code -Dtriggercache.codec.allow=com.acme.blog.view.*,com.acme.Money}).
     */
    public static SerializationCodec defaults() {
        Builder builder = builder();
        String limits = System.getProperty(LIMITS_PROPERTY, "").strip();
        if (!limits.isEmpty()) {
            builder.limits(limits);
        }
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

    /** The decoding limits in force, by their names ({@code maxdepth}, {@code maxrefs}, ..., {@code maxwork}). */
    public Map<String, Long> limits() {
        return limits;
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
        if (bytes.length - 1 > limits.get("maxbytes")) {
            throw new CodecException(limitRefusal("maxbytes", bytes.length - 1));
        }
        AllowListFilter filter = new AllowListFilter();
        try (BoundedInput in = new BoundedInput(new ByteArrayInputStream(bytes, 1, bytes.length - 1), filter)) {
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

    private String limitRefusal(String limit, long reached) {
        return "refused a stored value: it exceeds the codec's limit " + limit + "=" + limits.get(limit) + " (reached "
                + reached + (limit.equals("maxwork") ? " objects visited by walks of the objects decoded so far: a"
                + " payload of nested, shared collections (a SerialDOS bomb) looks like this" : "") + "). If such values are"
                + " legitimate, raise it with SerializationCodec.builder().limits(\"" + limit + "=...\") or -D"
                + LIMITS_PROPERTY + "=" + limit + "=...; the call ran the method instead.";
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
        return "SerializationCodec[" + classes.size() + " classes, packages " + packages + ", limits " + limits + "]";
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

        String refused;

        @Override
        public Status checkInput(FilterInfo info) {
            if (sizeLimits.checkInput(info) == Status.REJECTED) {
                refused = info.depth() > limits.get("maxdepth") ? limitRefusal("maxdepth", info.depth())
                        : info.references() > limits.get("maxrefs") ? limitRefusal("maxrefs", info.references())
                        : info.arrayLength() > limits.get("maxarray") ? limitRefusal("maxarray", info.arrayLength())
                        : limitRefusal("maxbytes", info.streamBytes());
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

    /**
     * Counts the work of walks over the decoded objects ({@code maxwork}). {@link #resolveObject} sees each
     * object once it is complete, and before the object that holds it (a set, a map, a record whose
     * {@code hashCode} a set calls) can use it: so no set or map hashes an object whose walk was not counted.
     * The walk of an object visits it and, for each object it references, that object's walk: computed from the
     * walks already counted, so a shared object costs once per path, as it does to {@code hashCode}.
     */
    private final class BoundedInput extends ObjectInputStream {

        /** The walk of each completed object that references others (leaves count 1 and are not kept). */
        private final IdentityHashMap<Object, Long> walks = new IdentityHashMap<>();
        private final AllowListFilter filter;
        private long work;

        BoundedInput(InputStream in, AllowListFilter filter) throws IOException {
            super(in);
            this.filter = filter;
            enableResolveObject(true);
        }

        @Override
        protected Object resolveObject(Object object) throws IOException {
            long walk = walkOf(object);
            if (walk > 1) {
                walks.put(object, walk);
            }
            work = saturatedAdd(work, walk);
            if (work > maxWork) {
                filter.refused = limitRefusal("maxwork", work);
                throw new InvalidObjectException(filter.refused);
            }
            return object;
        }

        private long walkOf(Object object) {
            if (isLeaf(object)) {
                return 1;
            }
            long walk = 1;
            if (object instanceof Object[] array) {
                for (Object element : array) {
                    walk = saturatedAdd(walk, known(element));
                }
            } else if (object.getClass().isArray()) {
                return 1;
            } else if (object instanceof Collection<?> collection) {
                for (Object element : collection) {
                    walk = saturatedAdd(walk, known(element));
                }
            } else if (object instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    walk = saturatedAdd(saturatedAdd(walk, known(entry.getKey())), known(entry.getValue()));
                }
            } else {
                for (Field field : REFERENCE_FIELDS.get(object.getClass())) {
                    try {
                        walk = saturatedAdd(walk, known(field.get(object)));
                    } catch (IllegalAccessException e) {
                        // not readable (trySetAccessible failed): counted as a leaf, see the class doc
                    }
                }
            }
            return walk;
        }

        private long known(Object object) {
            if (isLeaf(object)) {
                return 1;
            }
            // not there: an object still being read (a cycle back to an ancestor) or built by a readObject method
            return walks.getOrDefault(object, 1L);
        }
    }

    private static boolean isLeaf(Object object) {
        return object == null || object instanceof String || object instanceof Number && object.getClass().getName()
                .startsWith("java.") || object instanceof Boolean || object instanceof Character || object instanceof Enum
                || object instanceof java.time.temporal.TemporalAccessor || object instanceof java.util.UUID;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** The instance fields of a class and its superclasses that hold references, readable, per class. */
    private static final ClassValue<List<Field>> REFERENCE_FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()
                            && field.trySetAccessible()) {
                        fields.add(field);
                    }
                }
            }
            return List.copyOf(fields);
        }
    };

    /** The allow-list of a {@link SerializationCodec}. Not thread-safe; build once. */
    public static final class Builder {

        private final Set<String> classes = new LinkedHashSet<>(DEFAULT_CLASSES);
        private final Set<String> packages = new LinkedHashSet<>(DEFAULT_PACKAGES);
        private final Map<String, Long> limits = new LinkedHashMap<>(Map.of("maxdepth", DEFAULT_MAX_DEPTH,
                "maxrefs", DEFAULT_MAX_REFERENCES, "maxarray", DEFAULT_MAX_ARRAY, "maxbytes", DEFAULT_MAX_BYTES,
                "maxwork", DEFAULT_MAX_WORK));

        private Builder() {
        }

        /**
         * Sets decoding limits, in the syntax of the JDK's {@code jdk.serialFilter} limits: {@code name=value}
         * entries separated by {@code ;}, of {@code maxdepth}, {@code maxrefs}, {@code maxarray},
         * {@code maxbytes} (the JDK's meanings) and {@code maxwork} (the codec's, see the class doc). Limits not
         * named keep their value. Every node reading the shared cache should use the same limits.
         *
         * @throws IllegalArgumentException for an unknown name or a value that is not a positive number
         */
        public Builder limits(String pattern) {
            Objects.requireNonNull(pattern, "pattern");
            for (String entry : pattern.split(";")) {
                String item = entry.strip();
                if (item.isEmpty()) {
                    continue;
                }
                int eq = item.indexOf('=');
                String name = eq < 0 ? item : item.substring(0, eq).strip();
                if (!LIMIT_NAMES.contains(name)) {
                    throw new IllegalArgumentException("unknown codec limit \"" + item + "\" in \"" + pattern
                            + "\": use " + String.join(", ", LIMIT_NAMES) + ", as in maxwork=50000000;maxdepth=100");
                }
                long value;
                try {
                    value = Long.parseLong(item.substring(eq + 1).strip());
                } catch (NumberFormatException e) {
                    value = -1;
                }
                if (value <= 0) {
                    throw new IllegalArgumentException("codec limit " + name + " in \"" + pattern
                            + "\" is not a positive number, as in " + name + "=" + limits.get(name));
                }
                limits.put(name, value);
            }
            return this;
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
            return new SerializationCodec(Collections.unmodifiableSet(classes), packages, limits);
        }
    }
}
