package io.triggercache.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Finds the properties of a class and turns them into method handles of type {@code (Object)Object}.
 * A property is a getter ({@code getX()}, {@code isX()}, or a record component {@code x()}) or a
 * field; getters win, so that lazy proxies (which intercept getters, not fields) read correctly.
 * Used at deployment only.
 */
final class Accessors {

    static final MethodType OBJECT_TO_OBJECT = MethodType.methodType(Object.class, Object.class);

    private Accessors() {
    }

    /** A resolved property: a handle of type (Object)Object, the declared type of its value and its generic type. */
    record Accessor(String name, MethodHandle handle, Class<?> type, java.lang.reflect.Type genericType) {

        /**
         * The element type when the value is a collection or an array whose element type is known, else null.
         * A {@code Map} counts as the collection of its values.
         */
        Class<?> elementType() {
            if (type.isArray()) {
                return type.getComponentType();
            }
            int arg = java.util.Collection.class.isAssignableFrom(type) ? 0 : java.util.Map.class.isAssignableFrom(type) ? 1 : -1;
            if (arg < 0) {
                return null;
            }
            if (genericType instanceof java.lang.reflect.ParameterizedType pt && pt.getActualTypeArguments().length > arg) {
                java.lang.reflect.Type t = pt.getActualTypeArguments()[arg];
                if (t instanceof Class<?> c) {
                    return c;
                }
                if (t instanceof java.lang.reflect.ParameterizedType p && p.getRawType() instanceof Class<?> c) {
                    return c;
                }
            }
            return Object.class;
        }
    }

    /** The property {@code name} of {@code type}, or {@code null} if it has none. */
    static Accessor find(Class<?> type, String name) {
        Method getter = getter(type, name);
        if (getter != null) {
            return new Accessor(name, handle(getter), getter.getReturnType(), getter.getGenericReturnType());
        }
        Field field = field(type, name);
        if (field != null) {
            try {
                field.trySetAccessible();
                MethodHandle h = MethodHandles.lookup().unreflectGetter(field).asType(OBJECT_TO_OBJECT);
                return new Accessor(name, h, field.getType(), field.getGenericType());
            } catch (IllegalAccessException e) {
                return null;
            }
        }
        return null;
    }

    /** The names of the properties of {@code type}, sorted, for error messages. */
    static List<String> known(Class<?> type) {
        TreeSet<String> names = new TreeSet<>();
        for (Method m : allMethods(type)) {
            String p = propertyOf(m);
            if (p != null) {
                names.add(p);
            }
        }
        if (type.isRecord()) {
            for (var c : type.getRecordComponents()) {
                names.add(c.getName());
            }
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                    names.add(f.getName());
                }
            }
        }
        names.remove("class");
        return new ArrayList<>(names);
    }

    private static Method getter(Class<?> type, String name) {
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method m : allMethods(type)) {
            if (m.getParameterCount() != 0 || m.getReturnType() == void.class || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String n = m.getName();
            boolean match = n.equals("get" + cap)
                    || (n.equals("is" + cap) && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class))
                    || (type.isRecord() && n.equals(name));
            if (match) {
                return m;
            }
        }
        return null;
    }

    private static String propertyOf(Method m) {
        if (m.getParameterCount() != 0 || m.getReturnType() == void.class || Modifier.isStatic(m.getModifiers())) {
            return null;
        }
        String n = m.getName();
        if (n.startsWith("get") && n.length() > 3) {
            return Character.toLowerCase(n.charAt(3)) + n.substring(4);
        }
        if (n.startsWith("is") && n.length() > 2 && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
            return Character.toLowerCase(n.charAt(2)) + n.substring(3);
        }
        return null;
    }

    /** Public methods (inherited included) first, then non-public ones declared along the superclass chain. */
    private static List<Method> allMethods(Class<?> type) {
        List<Method> methods = new ArrayList<>(List.of(type.getMethods()));
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                    methods.add(m);
                }
            }
        }
        return methods;
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name) && !Modifier.isStatic(f.getModifiers())) {
                    return f;
                }
            }
        }
        return null;
    }

    private static MethodHandle handle(Method m) {
        try {
            if (!Modifier.isPublic(m.getModifiers()) || !Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
                m.trySetAccessible();
            }
            return MethodHandles.lookup().unreflect(m).asType(OBJECT_TO_OBJECT);
        } catch (IllegalAccessException e) {
            // a public method of a non-public class: go through the public interface or superclass method
            m.trySetAccessible();
            try {
                return MethodHandles.lookup().unreflect(m).asType(OBJECT_TO_OBJECT);
            } catch (IllegalAccessException again) {
                throw new IllegalStateException("cannot access " + m, again);
            }
        }
    }

    /** The boxed form of a primitive type; other types unchanged. */
    static Class<?> boxed(Class<?> t) {
        return MethodType.methodType(t).wrap().returnType();
    }
}
