package io.triggercache.engine;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * The key of one entry: the method's name and the values of its key parts. Small, immutable, with
 * structural equality; one allocation per call (the parts array only for more than three parts).
 * Serializable so that distributed stores can encode it; the encoding of a key is unambiguous because
 * parts are kept apart, never concatenated into a string.
 */
abstract class CacheKey implements Serializable {

    private static final long serialVersionUID = 1L;

    final String name;
    /**
     * Not serialized: parts such as enums hash by identity, differently in each JVM, so a key read on another
     * node recomputes it (and equal keys serialize to equal bytes).
     */
    private transient int hash;

    CacheKey(String name, int partsHash) {
        this.name = name;
        this.hash = hash(name, partsHash);
    }

    /**
     * The name's hash spread by a large odd multiplier, so that names differing in one character cannot be made
     * equal by small differences in the parts (31 * h + p collides for h1 + 1 = h2, p1 = p2 + 31).
     */
    private static int hash(String name, int partsHash) {
        int h = name.hashCode() * 0x9E3779B9 + partsHash;
        return h == 0 ? 1 : h;
    }

    /**
     * One round of MurmurHash3's 32-bit mixing: the parts of a key are combined non-linearly, so that parts
     * differing by small, compensating amounts (31 * a + b for (a, b) and (a + 1, b - 31)) do not collide.
     */
    static int mix(int h, int part) {
        int k = part * 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15) * 0x1b873593;
        h ^= k;
        return Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
    }

    static int mixAll(Object[] parts) {
        int h = 0x4b9 + parts.length;
        for (Object p : parts) {
            h = mix(h, Objects.hashCode(p));
        }
        return h;
    }

    /** The hash of the parts, as the constructor computed it. */
    abstract int partsHash();

    /** The number of parts. */
    abstract int size();

    /** Part {@code i}, from 0. */
    abstract Object part(int i);

    static CacheKey of(String name, Object[] parts) {
        switch (parts.length) {
            case 0:
                return new K0(name);
            case 1:
                return new K1(name, parts[0]);
            case 2:
                return new K2(name, parts[0], parts[1]);
            case 3:
                return new K3(name, parts[0], parts[1], parts[2]);
            default:
                return new KN(name, parts.clone());
        }
    }

    @Override
    public final int hashCode() {
        int h = hash;
        if (h == 0) {                               // read from another JVM's bytes
            h = hash(name, partsHash());
            hash = h;
        }
        return h;
    }

    @Override
    public final boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        CacheKey k = (CacheKey) o;
        return hashCode() == k.hashCode() && (name == k.name || name.equals(k.name)) && sameParts(k);
    }

    abstract boolean sameParts(CacheKey other);

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append('[');
        for (int i = 0; i < size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(part(i));
        }
        return sb.append(']').toString();
    }

    static final class K0 extends CacheKey {
        private static final long serialVersionUID = 1L;

        K0(String name) {
            super(name, 0);
        }

        @Override
        int partsHash() {
            return 0;
        }

        @Override
        int size() {
            return 0;
        }

        @Override
        Object part(int i) {
            throw new IndexOutOfBoundsException(i);
        }

        @Override
        boolean sameParts(CacheKey other) {
            return true;
        }
    }

    static final class K1 extends CacheKey {
        private static final long serialVersionUID = 1L;
        final Object a;

        K1(String name, Object a) {
            super(name, Objects.hashCode(a));
            this.a = a;
        }

        @Override
        int partsHash() {
            return Objects.hashCode(a);
        }

        @Override
        int size() {
            return 1;
        }

        @Override
        Object part(int i) {
            if (i != 0) {
                throw new IndexOutOfBoundsException(i);
            }
            return a;
        }

        @Override
        boolean sameParts(CacheKey other) {
            return Objects.equals(a, ((K1) other).a);
        }
    }

    static final class K2 extends CacheKey {
        private static final long serialVersionUID = 1L;
        final Object a;
        final Object b;

        K2(String name, Object a, Object b) {
            super(name, mix(mix(0x2b9, Objects.hashCode(a)), Objects.hashCode(b)));
            this.a = a;
            this.b = b;
        }

        @Override
        int partsHash() {
            return mix(mix(0x2b9, Objects.hashCode(a)), Objects.hashCode(b));
        }

        @Override
        int size() {
            return 2;
        }

        @Override
        Object part(int i) {
            switch (i) {
                case 0:
                    return a;
                case 1:
                    return b;
                default:
                    throw new IndexOutOfBoundsException(i);
            }
        }

        @Override
        boolean sameParts(CacheKey other) {
            K2 k = (K2) other;
            return Objects.equals(a, k.a) && Objects.equals(b, k.b);
        }
    }

    static final class K3 extends CacheKey {
        private static final long serialVersionUID = 1L;
        final Object a;
        final Object b;
        final Object c;

        K3(String name, Object a, Object b, Object c) {
            super(name, mix(mix(mix(0x3b9, Objects.hashCode(a)), Objects.hashCode(b)), Objects.hashCode(c)));
            this.a = a;
            this.b = b;
            this.c = c;
        }

        @Override
        int partsHash() {
            return mix(mix(mix(0x3b9, Objects.hashCode(a)), Objects.hashCode(b)), Objects.hashCode(c));
        }

        @Override
        int size() {
            return 3;
        }

        @Override
        Object part(int i) {
            switch (i) {
                case 0:
                    return a;
                case 1:
                    return b;
                case 2:
                    return c;
                default:
                    throw new IndexOutOfBoundsException(i);
            }
        }

        @Override
        boolean sameParts(CacheKey other) {
            K3 k = (K3) other;
            return Objects.equals(a, k.a) && Objects.equals(b, k.b) && Objects.equals(c, k.c);
        }
    }

    static final class KN extends CacheKey {
        private static final long serialVersionUID = 1L;
        final Object[] parts;

        KN(String name, Object[] parts) {
            super(name, mixAll(parts));
            this.parts = parts;
        }

        @Override
        int partsHash() {
            return mixAll(parts);
        }

        @Override
        int size() {
            return parts.length;
        }

        @Override
        Object part(int i) {
            return parts[i];
        }

        @Override
        boolean sameParts(CacheKey other) {
            return Arrays.equals(parts, ((KN) other).parts);
        }
    }
}
