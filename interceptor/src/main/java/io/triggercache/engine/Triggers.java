package io.triggercache.engine;

import io.triggercache.Checker;
import io.triggercache.EntityEvent;
import io.triggercache.SuffixFunction;
import io.triggercache.Trigger;
import java.lang.annotation.Annotation;
import java.util.Arrays;

/** Triggers built in code, compiled by the same rules as declared ones. */
final class Triggers {

    private Triggers() {
    }

    /** A {@link Trigger} value without a suffix function, checker or property filter. */
    record Literal(Class<?>[] entity, Class<?>[] event, EntityEvent[] on, String[] suffix) implements Trigger {
        @Override
        public Class<? extends SuffixFunction> suffixFunction() {
            return SuffixFunction.None.class;
        }

        @Override
        public Class<? extends Checker> checker() {
            return Checker.None.class;
        }

        @Override
        public String[] properties() {
            return new String[0];
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return Trigger.class;
        }

        /** Value equality over the arrays, so that a block defined twice alike is the same definition. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Literal l && Arrays.equals(entity, l.entity) && Arrays.equals(event, l.event)
                    && Arrays.equals(on, l.on) && Arrays.equals(suffix, l.suffix);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(entity) * 31 * 31 * 31 + Arrays.hashCode(event) * 31 * 31 + Arrays.hashCode(on) * 31 + Arrays.hashCode(suffix);
        }

        @Override
        public String toString() {
            return "@Trigger(" + (entity.length > 0 ? "entity = " + names(entity) + ", on = " + Arrays.toString(on) : "event = " + names(event))
                    + (suffix.length > 0 ? ", suffix = " + Arrays.toString(suffix) : "") + ")";
        }

        private static String names(Class<?>[] types) {
            return Arrays.stream(types).map(Class::getSimpleName).toList().toString();
        }
    }
}
