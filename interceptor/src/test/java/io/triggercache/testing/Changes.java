package io.triggercache.testing;

import io.triggercache.Change;
import io.triggercache.EntityEvent;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds {@link Change}s as a change source would, for engine tests without Hibernate. */
public final class Changes {

    private Changes() {
    }

    public static Change insert(Class<?> type, Object id, Object... propertyValuePairs) {
        Map<String, Object> after = map(propertyValuePairs);
        return new TestChange(type, EntityEvent.INSERT, id, null, after, after.keySet());
    }

    public static Change delete(Class<?> type, Object id, Object... propertyValuePairs) {
        Map<String, Object> before = map(propertyValuePairs);
        return new TestChange(type, EntityEvent.DELETE, id, before, null, before.keySet());
    }

    /** An update; {@code before} and {@code after} are property/value pairs, dirty properties are those that differ. */
    public static Change update(Class<?> type, Object id, Object[] before, Object[] after) {
        Map<String, Object> b = map(before);
        Map<String, Object> a = map(after);
        Set<String> dirty = new LinkedHashSet<>();
        for (String k : a.keySet()) {
            if (!java.util.Objects.equals(a.get(k), b.get(k))) {
                dirty.add(k);
            }
        }
        return new TestChange(type, EntityEvent.UPDATE, id, b, a, dirty);
    }

    public static Object[] values(Object... propertyValuePairs) {
        return propertyValuePairs;
    }

    private static Map<String, Object> map(Object[] pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private record TestChange(Class<?> type, EntityEvent event, Object id, Map<String, Object> b, Map<String, Object> a,
                              Set<String> dirtyProperties) implements Change {
        @Override
        public State before() {
            return b == null ? null : state(b);
        }

        @Override
        public State after() {
            return a == null ? null : state(a);
        }

        private State state(Map<String, Object> values) {
            return new State() {
                @Override
                public Object get(String property) {
                    if (!values.containsKey(property)) {
                        throw new IllegalArgumentException("no property " + property + " in " + List.copyOf(values.keySet()));
                    }
                    return values.get(property);
                }

                @Override
                public Object object() {
                    return null;
                }
            };
        }
    }
}
