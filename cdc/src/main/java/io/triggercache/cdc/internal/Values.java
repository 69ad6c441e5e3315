package io.triggercache.cdc.internal;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

import io.triggercache.Change;

import org.apache.kafka.connect.data.Schema;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.type.descriptor.converter.spi.BasicValueConverter;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.ProxyFactory;
import org.hibernate.type.BasicType;
import org.hibernate.type.Type;

/**
 * Turns column values as Debezium delivers them (Kafka Connect values with Debezium's logical types) into attribute
 * values as Hibernate would load them. Anything it cannot convert reads {@link Change#UNKNOWN}.
 */
final class Values {

    /** What Debezium puts in a column whose value it did not receive (an unchanged TOASTed value). */
    static final String UNAVAILABLE = "__debezium_unavailable_value";

    private Values() {
    }

    /** A basic attribute's value from its column's value; UNKNOWN if it cannot be converted. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object basic(Type type, Object raw, Schema schema, SessionFactoryImplementor factory) {
        if (raw == null) {
            return null;
        }
        if (isUnavailable(raw)) {
            return Change.UNKNOWN;
        }
        if (!(type instanceof BasicType<?> bt)) {
            return Change.UNKNOWN;
        }
        try {
            Object pre = logical(raw, schema, bt.getJdbcJavaType().getJavaTypeClass());
            if (pre == Change.UNKNOWN) {
                return pre;
            }
            Object jdbc = bt.getJdbcJavaType().wrap(pre, factory.getWrapperOptions());
            BasicValueConverter converter = bt.getValueConverter();
            return converter == null ? jdbc : converter.toDomainValue(jdbc);
        } catch (RuntimeException e) {
            Log.debug(() -> "TCCDC020 cannot convert " + raw.getClass().getName() + " " + raw + " to " + bt.getJavaType()
                    + ", so it reads as unknown: " + e);
            return Change.UNKNOWN;
        }
    }

    /** The associated entity named by a foreign key value: a proxy holding only its id; UNKNOWN if none can be made. */
    static Object reference(EntityPersister target, Object rawId, Schema schema, SessionFactoryImplementor factory) {
        if (rawId == null) {
            return null;
        }
        Object id = basic(target.getIdentifierType(), rawId, schema, factory);
        if (id == Change.UNKNOWN) {
            return id;
        }
        ProxyFactory proxies = target.getRepresentationStrategy().getProxyFactory();
        if (proxies == null) {
            Log.debug(() -> "TCCDC021 " + target.getEntityName() + " cannot be proxied, so an association to it reads as unknown");
            return Change.UNKNOWN;
        }
        // no session: the proxy answers its id and refuses to load anything else
        return proxies.getProxy(id, null);
    }

    static boolean isUnavailable(Object raw) {
        if (raw instanceof String s) {
            return UNAVAILABLE.equals(s);
        }
        if (raw instanceof ByteBuffer b) {
            return b.remaining() == UNAVAILABLE.length() && UNAVAILABLE.equals(new String(bytes(b), java.nio.charset.StandardCharsets.UTF_8));
        }
        return false;
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    /** Debezium's logical representations to plain Java values. */
    private static Object logical(Object raw, Schema schema, Class<?> target) {
        String name = schema == null ? null : schema.name();
        if (raw instanceof ByteBuffer b) {
            return bytes(b);
        }
        if (name == null) {
            if (raw instanceof String s && target == UUID.class) {
                return UUID.fromString(s);
            }
            if (raw instanceof String s && (target == Character.class || target == char.class) && s.length() == 1) {
                return s.charAt(0);
            }
            return raw;
        }
        switch (name) {
            case "io.debezium.time.Date":
                return LocalDate.ofEpochDay(((Number) raw).longValue());
            case "io.debezium.time.Timestamp":
                return at(LocalDateTime.ofInstant(Instant.ofEpochMilli(((Number) raw).longValue()), ZoneOffset.UTC), target);
            case "io.debezium.time.MicroTimestamp": {
                long micros = ((Number) raw).longValue();
                return at(LocalDateTime.ofInstant(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L), ZoneOffset.UTC), target);
            }
            case "io.debezium.time.NanoTimestamp": {
                long nanos = ((Number) raw).longValue();
                return at(LocalDateTime.ofInstant(Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)), ZoneOffset.UTC), target);
            }
            case "io.debezium.time.ZonedTimestamp": {
                OffsetDateTime odt = OffsetDateTime.parse((String) raw);
                if (target == Instant.class) {
                    return odt.toInstant();
                }
                if (target == ZonedDateTime.class) {
                    return odt.toZonedDateTime();
                }
                return odt;
            }
            case "io.debezium.time.Time":
                return LocalTime.ofNanoOfDay(((Number) raw).longValue() * 1_000_000L);
            case "io.debezium.time.MicroTime":
                return LocalTime.ofNanoOfDay(((Number) raw).longValue() * 1_000L);
            case "io.debezium.time.NanoTime":
                return LocalTime.ofNanoOfDay(((Number) raw).longValue());
            case "io.debezium.data.Uuid":
                return UUID.fromString((String) raw);
            case "io.debezium.data.VariableScaleDecimal":
                return Change.UNKNOWN;
            default:
                return raw;
        }
    }

    /** A local date-time (of a column without time zone) as the attribute's type wants it. */
    private static Object at(LocalDateTime t, Class<?> target) {
        if (target == java.sql.Timestamp.class || target == java.util.Date.class) {
            return java.sql.Timestamp.valueOf(t);
        }
        return t;
    }
}
