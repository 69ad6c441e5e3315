package io.triggercache.jpa.internal;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Basic;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Transient;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The persistent attributes of one entity class, found from its mapping annotations, with a compiled reader for
 * each: the attribute's public getter when there is one (so that a provider's lazy loading and weaving behave as
 * for application code), else its field. Built once per class (see {@link #of(Class)}); immutable and
 * thread-safe.
 */
final class EntityShape {

    /** How an attribute's value can be compared between the snapshot and the current state. */
    enum Kind {
        /** An immutable value (numbers, strings, enums, java.time, UUID): equal values mean unchanged. */
        VALUE,
        /** A reference to another entity: the same instance means unchanged. */
        REFERENCE,
        /**
         * A collection, an embeddable, an array or a mutable value (Date, Calendar): it may have been changed in
         * place, so the snapshot holds the same object and the attribute always counts as changed.
         */
        MUTABLE
    }

    private static final ClassValue<EntityShape> SHAPES = new ClassValue<>() {
        @Override
        protected EntityShape computeValue(Class<?> type) {
            return new EntityShape(type);
        }
    };

    private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, Boolean.class, Character.class, Byte.class,
            Short.class, Integer.class, Long.class, Float.class, Double.class, BigDecimal.class, BigInteger.class,
            UUID.class, Class.class);

    final Class<?> type;
    final String[] names;
    final Kind[] kinds;
    /** Whether the attribute is declared lazy (its value may be unloaded when the entity is read). */
    final boolean[] lazy;
    final MethodHandle[] readers;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    final int[] idAttributes;

    private EntityShape(Class<?> type) {
        this.type = type;
        List<Attribute> attributes = attributes(type);
        int n = attributes.size();
        names = new String[n];
        kinds = new Kind[n];
        lazy = new boolean[n];
        readers = new MethodHandle[n];
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Attribute a = attributes.get(i);
            names[i] = a.name;
            kinds[i] = a.kind;
            lazy[i] = a.lazy;
            readers[i] = a.reader;
            index.put(a.name, i);
            if (a.id) {
                ids.add(i);
            }
        }
        idAttributes = ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The shape of {@code type}, built on first use. */
    static EntityShape of(Class<?> type) {
        return SHAPES.get(type);
    }

    /** The position of an attribute, or -1. */
    int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    int size() {
        return names.length;
    }

    /** The attribute names, for error messages. */
    String known() {
        return String.join(", ", index.keySet().stream().sorted().toList());
    }

    /**
     * Reads one attribute of {@code entity}.
     *
     * @throws IllegalStateException if the reader throws (a lazy load that failed)
     */
    Object read(Object entity, int attribute) {
        try {
            return readers[attribute].invoke(entity);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("reading " + type.getSimpleName() + "." + names[attribute] + " failed: " + t, t);
        }
    }

    /** The identifier: the value of the {@code @Id} attribute, a list of them for an {@code @IdClass}, or null. */
    Object id(Object entity) {
        if (idAttributes.length == 1) {
            return read(entity, idAttributes[0]);
        }
        if (idAttributes.length == 0) {
            return null;
        }
        List<Object> parts = new ArrayList<>(idAttributes.length);
        for (int i : idAttributes) {
            parts.add(read(entity, i));
        }
        return List.copyOf(parts);
    }

    // ------------------------------------------------------------------ discovery

    private record Attribute(String name, Kind kind, boolean lazy, boolean id, MethodHandle reader) {
    }

    private static List<Attribute> attributes(Class<?> type) {
        Deque<Class<?>> mapped = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Entity.class) || c.isAnnotationPresent(MappedSuperclass.class)) {
                mapped.addFirst(c);
            }
        }
        if (mapped.isEmpty()) {
            mapped.add(type);
        }
        boolean propertyAccess = propertyAccess(mapped);
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        Map<String, Attribute> found = new LinkedHashMap<>();
        for (Class<?> c : mapped) {
            Access explicit = c.getAnnotation(Access.class);
            boolean property = explicit != null ? explicit.value() == AccessType.PROPERTY : propertyAccess;
            if (property) {
                for (Method m : c.getDeclaredMethods()) {
                    String name = propertyName(m);
                    if (name != null && !m.isAnnotationPresent(Transient.class) && !Modifier.isStatic(m.getModifiers())
                            && !m.isSynthetic() && hasSetter(c, name, m.getReturnType())) {
                        found.putIfAbsent(name, attribute(name, m.getReturnType(), m, reader(lookup, type, name, null, m)));
                    }
                }
            } else {
                for (Field f : c.getDeclaredFields()) {
                    int mod = f.getModifiers();
                    if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic() || f.isAnnotationPresent(Transient.class)
                            || providerField(f.getName())) {
                        continue;
                    }
                    found.putIfAbsent(f.getName(), attribute(f.getName(), f.getType(), f, reader(lookup, type, f.getName(), f, null)));
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** Fields that bytecode enhancement (EclipseLink weaving, Hibernate enhancement) adds. */
    private static boolean providerField(String name) {
        return name.startsWith("_persistence_") || name.startsWith("$$_hibernate_");
    }

    private static boolean propertyAccess(Deque<Class<?>> mapped) {
        for (Class<?> c : mapped) {
            Access explicit = c.getAnnotation(Access.class);
            if (explicit != null) {
                return explicit.value() == AccessType.PROPERTY;
            }
        }
        for (Class<?> c : mapped) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(Id.class) || f.isAnnotationPresent(EmbeddedId.class)) {
                    return false;
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Id.class) || m.isAnnotationPresent(EmbeddedId.class)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Attribute attribute(String name, Class<?> javaType, AnnotatedElement mapping, MethodHandle reader) {
        boolean id = mapping.isAnnotationPresent(Id.class) || mapping.isAnnotationPresent(EmbeddedId.class);
        return new Attribute(name, kind(javaType, mapping), lazy(mapping), id, reader);
    }

    private static Kind kind(Class<?> javaType, AnnotatedElement mapping) {
        if (mapping.isAnnotationPresent(ManyToOne.class) || mapping.isAnnotationPresent(OneToOne.class)) {
            return Kind.REFERENCE;
        }
        if (mapping.isAnnotationPresent(OneToMany.class) || mapping.isAnnotationPresent(ManyToMany.class)
                || mapping.isAnnotationPresent(ElementCollection.class) || Collection.class.isAssignableFrom(javaType)
                || Map.class.isAssignableFrom(javaType) || javaType.isArray() || javaType.isAnnotationPresent(Embeddable.class)) {
            return Kind.MUTABLE;
        }
        if (javaType.isPrimitive() || javaType.isEnum() || IMMUTABLE.contains(javaType) || javaType.isRecord()
                || (javaType.getPackageName().equals("java.time") && !javaType.isInterface())) {
            return Kind.VALUE;
        }
        return Kind.MUTABLE;
    }

    private static boolean lazy(AnnotatedElement mapping) {
        ManyToOne manyToOne = mapping.getAnnotation(ManyToOne.class);
        OneToOne oneToOne = mapping.getAnnotation(OneToOne.class);
        Basic basic = mapping.getAnnotation(Basic.class);
        return (manyToOne != null && manyToOne.fetch() == FetchType.LAZY) || (oneToOne != null && oneToOne.fetch() == FetchType.LAZY)
                || (basic != null && basic.fetch() == FetchType.LAZY);
    }

    private static String propertyName(Method m) {
        if (m.getParameterCount() != 0 || m.getReturnType() == void.class) {
            return null;
        }
        String n = m.getName();
        if (n.startsWith("get") && n.length() > 3 && !n.equals("getClass")) {
            return decapitalize(n.substring(3));
        }
        if (n.startsWith("is") && n.length() > 2 && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
            return decapitalize(n.substring(2));
        }
        return null;
    }

    private static boolean hasSetter(Class<?> c, String name, Class<?> type) {
        try {
            c.getDeclaredMethod("set" + Character.toUpperCase(name.charAt(0)) + name.substring(1), type);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static String decapitalize(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * A reader of one attribute as {@code (Object) -> Object}: the public getter of that name if the class has one
     * (woven lazy attributes load through it), else the accessor method of property access, else the field.
     */
    private static MethodHandle reader(MethodHandles.Lookup lookup, Class<?> type, String name, Field field, Method accessor) {
        MethodType generic = MethodType.methodType(Object.class, Object.class);
        String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String getter : new String[] {"get" + suffix, "is" + suffix}) {
            try {
                Method m = type.getMethod(getter);
                if (!Modifier.isStatic(m.getModifiers()) && m.getReturnType() != void.class) {
                    return lookup.unreflect(m).asType(generic);
                }
            } catch (NoSuchMethodException | IllegalAccessException e) {
                // no public getter of that name: use the field or the declared accessor
            }
        }
        try {
            if (accessor != null) {
                accessor.setAccessible(true);
                return lookup.unreflect(accessor).asType(generic);
            }
            field.setAccessible(true);
            return lookup.unreflectGetter(field).asType(generic);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalStateException("triggercache cannot read " + type.getName() + "." + name + ": " + e, e);
        }
    }
}
