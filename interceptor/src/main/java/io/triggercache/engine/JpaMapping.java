package io.triggercache.engine;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.TreeSet;

/**
 * What the JPA mapping annotations of an entity class say about its attributes, read at deployment without the
 * persistence provider: which properties are persistent (so a change can carry them), following the entity's
 * access type (where its {@code @Id} or {@code @EmbeddedId} is placed, or {@code @Access}). Mappings declared only
 * in {@code orm.xml} are not seen: a class without mapping annotations on its members is not judged.
 */
final class JpaMapping {

    private final Class<? extends Annotation> transientAnnotation;
    private final Class<? extends Annotation> id;
    private final Class<? extends Annotation> embeddedId;
    private final Class<? extends Annotation> embeddable;
    private final Class<? extends Annotation> mappedSuperclass;

    private JpaMapping(ClassLoader loader) throws ClassNotFoundException {
        transientAnnotation = load(loader, "Transient");
        id = load(loader, "Id");
        embeddedId = load(loader, "EmbeddedId");
        embeddable = load(loader, "Embeddable");
        mappedSuperclass = load(loader, "MappedSuperclass");
    }

    /** The mapping reader for classes of {@code context}'s loader, or null without the JPA API. */
    static JpaMapping of(Class<?> context) {
        ClassLoader cl = context.getClassLoader() != null ? context.getClassLoader() : JpaMapping.class.getClassLoader();
        try {
            return new JpaMapping(cl);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Annotation> load(ClassLoader cl, String name) throws ClassNotFoundException {
        return (Class<? extends Annotation>) Class.forName("jakarta.persistence." + name, false, cl);
    }

    boolean isEmbeddable(Class<?> type) {
        return type.isAnnotationPresent(embeddable);
    }

    /** A {@code @MappedSuperclass}: a trigger naming it fires for the entities extending it. */
    boolean isMappedSuperclass(Class<?> type) {
        return type.isAnnotationPresent(mappedSuperclass);
    }

    /** Whether the entity's attributes are fields (its id is a field), or null when it cannot be told. */
    private Boolean fieldAccess(Class<?> entity) {
        for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(id) || f.isAnnotationPresent(embeddedId)) {
                    return true;
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(id) || m.isAnnotationPresent(embeddedId)) {
                    return false;
                }
            }
        }
        return null;
    }

    /**
     * Why {@code property} of {@code entity} is not a persistent attribute, or null if it is (or it cannot be told):
     * marked {@code @Transient} or {@code transient}, or, with field access, a getter with no field behind it.
     */
    String notPersistent(Class<?> entity, String property) {
        Boolean fields = fieldAccess(entity);
        if (fields == null) {
            return null;
        }
        Field field = field(entity, property);
        Method getter = getter(entity, property);
        if (field != null && (Modifier.isTransient(field.getModifiers()) || field.isAnnotationPresent(transientAnnotation))) {
            return "is @Transient";
        }
        if (getter != null && getter.isAnnotationPresent(transientAnnotation)) {
            return "is @Transient";
        }
        if (fields && field == null) {
            return "is a getter with no persistent field behind it (the entity maps its fields)";
        }
        return null;
    }

    /** The persistent attributes of {@code entity} that a change carries, sorted, for messages. */
    List<String> persistent(Class<?> entity) {
        TreeSet<String> names = new TreeSet<>();
        for (String p : Accessors.known(entity)) {
            if (notPersistent(entity, p) == null) {
                names.add(p);
            }
        }
        return List.copyOf(names);
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

    private static Method getter(Class<?> type, String name) {
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String n : new String[] {"get" + cap, "is" + cap}) {
            try {
                Method m = type.getMethod(n);
                if (!Modifier.isStatic(m.getModifiers())) {
                    return m;
                }
            } catch (NoSuchMethodException e) {
                // try the next form
            }
        }
        return null;
    }
}
