package io.triggercache.jcache.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The keys under which a shared cache holds entries and tokens: an unambiguous, deterministic encoding of
 * keys, group keys, epoch keys and lease keys into bytes, carried as "binary strings" (one {@code char} per
 * byte, ISO-8859-1), which every provider compares by value and serializes natively.
 *
 * <p>Every value is written as a one-byte tag followed by a body whose length is known from the tag or
 * written in front of it, so two different sequences of values never produce the same bytes ({@code "1:23"}
 * and {@code "12:3"} are two length-prefixed strings, not one concatenation), and the four kinds of keys
 * start with different tags so they never collide with one another. Tags follow {@code equals}: an
 * {@code Integer} 1 and a {@code Long} 1 are different keys to the engine, so they encode differently; any
 * {@link List} encodes as its elements, as {@code List.equals} compares them. A value of another type is
 * written with Java serialization (never read back: keys are only compared), which is deterministic for
 * the same classes on every node. Stateless.
 */
public final class KeyEncoder {

    private static final byte ENTRY = 'E';
    private static final byte GROUP = 'G';
    private static final byte EPOCH = 'P';
    private static final byte LEASE = 'L';
    private static final byte HEARTBEAT = 'H';
    private static final byte ROSTER = 'R';

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte INTEGER = 2;
    private static final byte LONG = 3;
    private static final byte SHORT = 4;
    private static final byte BYTE = 5;
    private static final byte BOOLEAN = 6;
    private static final byte CHARACTER = 7;
    private static final byte DOUBLE = 8;
    private static final byte FLOAT = 9;
    private static final byte BIG_INTEGER = 10;
    private static final byte BIG_DECIMAL = 11;
    private static final byte UUID_TAG = 12;
    private static final byte ENUM = 13;
    private static final byte LIST = 14;
    private static final byte SERIALIZED = 15;

    private KeyEncoder() {
    }

    /** The key of an entry: the engine's key object. */
    public static String entry(Object key) {
        Out out = new Out(ENTRY);
        out.value(key);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** The key of a group's token: the region name and the group's suffix values. */
    public static String group(String region, List<?> group) {
        Out out = new Out(GROUP);
        out.string(region);
        out.value(group);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** The key of a region's epoch. */
    public static String epoch(String region) {
        Out out = new Out(EPOCH);
        out.string(region);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** The key of the load lease of one entry, from the entry's key. */
    public static String lease(String entryKey) {
        return (char) LEASE + entryKey.substring(1);
    }

    /** The key of one store's heartbeat in the token cache. */
    public static String heartbeat(long node) {
        Out out = new Out(HEARTBEAT);
        out.fixed64(node);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** The key of the roster of the stores sharing a token cache (their ids). */
    public static String roster() {
        return String.valueOf((char) ROSTER);
    }

    /** Whether these token-cache key bytes are the heartbeat of some store. */
    public static boolean isHeartbeat(String key) {
        return key.length() == 9 && key.charAt(0) == HEARTBEAT;
    }

    /** Whether these token-cache key bytes are a group token or an epoch. */
    public static boolean isToken(String key) {
        return !key.isEmpty() && (key.charAt(0) == GROUP || key.charAt(0) == EPOCH);
    }

    /** A short human description of key bytes, for messages. */
    public static String describe(String key) {
        if (key.isEmpty()) {
            return "<empty>";
        }
        return key.charAt(0) + ":" + key.length() + "B";
    }

    private static final class Out extends ByteArrayOutputStream {

        Out(byte kind) {
            super(32);
            write(kind);
        }

        void value(Object v) {
            if (v == null) {
                write(NULL);
            } else if (v instanceof String s) {
                write(STRING);
                string(s);
            } else if (v instanceof Integer i) {
                write(INTEGER);
                fixed32(i);
            } else if (v instanceof Long l) {
                write(LONG);
                fixed64(l);
            } else if (v instanceof Short s) {
                write(SHORT);
                fixed32(s);
            } else if (v instanceof Byte b) {
                write(BYTE);
                write(b);
            } else if (v instanceof Boolean b) {
                write(BOOLEAN);
                write(b ? 1 : 0);
            } else if (v instanceof Character c) {
                write(CHARACTER);
                fixed32(c);
            } else if (v instanceof Double d) {
                write(DOUBLE);
                fixed64(Double.doubleToLongBits(d));
            } else if (v instanceof Float f) {
                write(FLOAT);
                fixed32(Float.floatToIntBits(f));
            } else if (v instanceof BigInteger b) {
                write(BIG_INTEGER);
                chunk(b.toByteArray());
            } else if (v instanceof BigDecimal b) {
                write(BIG_DECIMAL);
                fixed32(b.scale());
                chunk(b.unscaledValue().toByteArray());
            } else if (v instanceof UUID u) {
                write(UUID_TAG);
                fixed64(u.getMostSignificantBits());
                fixed64(u.getLeastSignificantBits());
            } else if (v instanceof Enum<?> e) {
                write(ENUM);
                string(e.getDeclaringClass().getName());
                string(e.name());
            } else if (v instanceof List<?> list) {
                write(LIST);
                fixed32(list.size());
                for (Object element : list) {
                    value(element);
                }
            } else {
                write(SERIALIZED);
                chunk(serialize(v));
            }
        }

        void string(String s) {
            chunk(s.getBytes(StandardCharsets.UTF_8));
        }

        void chunk(byte[] bytes) {
            fixed32(bytes.length);
            write(bytes, 0, bytes.length);
        }

        void fixed32(int v) {
            write(v >>> 24);
            write(v >>> 16);
            write(v >>> 8);
            write(v);
        }

        void fixed64(long v) {
            fixed32((int) (v >>> 32));
            fixed32((int) v);
        }

        private static byte[] serialize(Object v) {
            if (!(v instanceof Serializable)) {
                throw new IllegalArgumentException("a key part of " + v.getClass().getName() + " cannot be encoded for a"
                        + " shared cache: it is neither a String, a number, a UUID, an enum, a List nor Serializable");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(v);
            } catch (NotSerializableException e) {
                throw new IllegalArgumentException("a key of " + v.getClass().getName() + " cannot be encoded for a shared"
                        + " cache: " + e.getMessage() + " in it is not Serializable", e);
            } catch (IOException e) {
                throw new IllegalStateException("cannot encode a key of " + v.getClass().getName() + ": " + e, e);
            }
            return bytes.toByteArray();
        }
    }
}
