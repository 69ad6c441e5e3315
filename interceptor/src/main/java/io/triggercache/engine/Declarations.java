package io.triggercache.engine;

import io.triggercache.Cached;
import io.triggercache.Checker;
import io.triggercache.EntityEvent;
import io.triggercache.SuffixFunction;
import io.triggercache.Trigger;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * Compiles the {@code @Cached} declarations of a deployment into {@link CachedMethod}s and
 * {@link CompiledTrigger}s, collecting every problem before failing. Deployment time only.
 */
final class Declarations {

    final List<CachedMethod> methods = new ArrayList<>();
    final List<CompiledTrigger> triggers = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Instances instances;

    private Declarations(Instances instances) {
        this.instances = instances;
    }

    static Declarations compile(List<MethodDefinition> definitions, Instances instances) {
        Declarations d = new Declarations(instances);
        Map<String, Method> names = new HashMap<>();
        for (MethodDefinition def : definitions) {
            d.compile(def, names);
        }
        if (!d.problems.isEmpty()) {
            throw new InvalidDeclarationsException(d.problems);
        }
        return d;
    }

    private void compile(MethodDefinition def, Map<String, Method> names) {
        Method m = def.method();
        Cached c = def.cached();
        String where = "@Cached on " + describe(m) + ": ";
        int before = problems.size();

        int mod = m.getModifiers();
        if (Modifier.isPrivate(mod)) {
            problems.add(where + "the method is private, and the container never intercepts private methods, so it would not be cached. Make it public (or protected), or remove @Cached.");
        }
        if (Modifier.isStatic(mod)) {
            problems.add(where + "the method is static, and the container never intercepts static methods, so it would not be cached. Make it an instance method, or remove @Cached.");
        }
        if (Modifier.isFinal(mod)) {
            problems.add(where + "the method is final, so the container cannot intercept it and it would not be cached. Remove final, or remove @Cached.");
        }
        if (m.getReturnType() == void.class) {
            problems.add(where + "the method returns void, so there is no result to cache. Remove @Cached from it.");
        }
        String uncacheable = uncacheableReturn(m.getReturnType());
        if (uncacheable != null) {
            problems.add(where + "the method returns " + m.getReturnType().getSimpleName() + ", " + uncacheable);
        }

        String name = c.name().isBlank() ? m.getDeclaringClass().getName() + "." + m.getName() : c.name().trim();
        Method other = names.putIfAbsent(name, m);
        if (other != null && !other.equals(m)) {
            problems.add(where + "name \"" + name + "\" is already used by " + describe(other)
                    + "; two cached methods would share entries and triggers. Give each a distinct @Cached(name = \"...\").");
        }

        Duration ttl = Ttl.parse(c.ttl());
        if (ttl == null) {
            problems.add(where + "ttl \"" + c.ttl() + "\" is not a positive duration. Use ISO-8601 (\"PT10M\") or a number with ms, s, m, h or d (\"10m\", \"30s\").");
        }
        if (!(c.jitter() >= 0 && c.jitter() <= 1)) {
            problems.add(where + "jitter " + c.jitter() + " is outside 0..1. Give the spread as a fraction of the ttl, e.g. jitter = 0.1.");
        } else if (c.jitter() > 0 && (ttl == null || ttl.isZero())) {
            problems.add(where + "jitter " + c.jitter() + " is set without a ttl, so it has no effect. Set ttl, or remove jitter.");
        }

        Parameter[] params = m.getParameters();
        List<PropertyPath> suffix = compileParameterPaths(where, "suffix", c.suffix(), m);
        List<PropertyPath> keyOnly;
        if (c.key().length > 0) {
            keyOnly = compileParameterPaths(where, "key", c.key(), m);
        } else if (c.suffix().length > 0) {
            keyOnly = List.of();
        } else {
            keyOnly = new ArrayList<>();
            for (int i = 0; i < params.length; i++) {
                keyOnly.add(PropertyPath.overParameter(params[i].isNamePresent() ? params[i].getName() : "#" + i,
                        i, new MethodHandle[0], params[i].getType()));
            }
        }
        // the key: key paths, then the suffix paths not among them
        List<PropertyPath> key = new ArrayList<>(keyOnly);
        int[] suffixParts = new int[suffix.size()];
        for (int s = 0; s < suffix.size(); s++) {
            int found = -1;
            for (int k = 0; k < key.size(); k++) {
                if (samePath(key.get(k), suffix.get(s), params)) {
                    found = k;
                    break;
                }
            }
            if (found < 0) {
                key.add(suffix.get(s));
                found = key.size() - 1;
            }
            suffixParts[s] = found;
        }
        if (problems.size() == before) {
            boolean[] covered = new boolean[params.length];
            for (PropertyPath p : key) {
                covered[p.parameter] = true;
            }
            for (int i = 0; i < params.length; i++) {
                if (!covered[i]) {
                    String pn = params[i].isNamePresent() ? params[i].getName() : "#" + i;
                    problems.add(where + "parameter \"" + pn + "\" is not part of the key, so calls that differ only in it would share one entry. Add \"" + pn
                            + "\" (or a property of it) to key (or suffix).");
                }
            }
            for (PropertyPath p : key) {
                String why = equalityProblem(p.type, p.text);
                if (why != null) {
                    problems.add(where + "key part \"" + p.text + "\" " + why);
                }
            }
        }

        CachedMethod cm = new CachedMethod(name, c.cache().isBlank() ? name : c.cache().trim(), m,
                key.toArray(PropertyPath[]::new), suffixParts, suffix.toArray(PropertyPath[]::new),
                ttl == null ? 0 : ttl.toMillis(), c.jitter(), c.cacheNulls(), c.near(),
                CompletionStage.class.isAssignableFrom(m.getReturnType()));
        if (c.unless() != io.triggercache.Unless.None.class) {
            cm.unless = instance(where + "unless ", c.unless());
        }
        Trigger[] ts = c.triggers();
        for (int i = 0; i < ts.length; i++) {
            compileTrigger(where, cm, ts[i], i + 1, suffix, c.suffix());
        }
        methods.add(cm);
    }

    /**
     * Compiles a block defined in code into a {@link CachedMethod} whose key is the values passed on each call, and
     * its triggers; every problem is collected, as for methods.
     *
     * @throws InvalidDeclarationsException listing every problem
     */
    static Declarations compileBlock(BlockDefinition def, Instances instances) {
        Declarations d = new Declarations(instances);
        String where = "cached block \"" + def.name() + "\" at " + def.where() + ": ";
        if (def.name().isBlank()) {
            d.problems.add(where + "the name is blank. Give it a name.");
        }
        if (def.ttl().isNegative()) {
            d.problems.add(where + "ttl " + def.ttl() + " is negative. Give a positive duration, or none.");
        }
        int[] suffixParts = new int[def.groupParts()];
        String[] suffixTexts = new String[def.groupParts()];
        List<PropertyPath> suffix = new ArrayList<>();
        for (int i = 0; i < suffixParts.length; i++) {
            suffixParts[i] = i;
            suffixTexts[i] = "group value #" + i;
            suffix.add(PropertyPath.overParameter(suffixTexts[i], i, new MethodHandle[0], Object.class));
        }
        CachedMethod cm = new CachedMethod(def.name(), def.name(), null, null, suffixParts, suffix.toArray(PropertyPath[]::new),
                def.ttl().toMillis(), 0, false, io.triggercache.Cached.Near.DEFAULT, false);
        for (int i = 0; i < def.triggers().size(); i++) {
            d.compileTrigger(where, cm, def.triggers().get(i), i + 1, suffix, suffixTexts);
        }
        if (!d.problems.isEmpty()) {
            throw new InvalidDeclarationsException(d.problems);
        }
        d.methods.add(cm);
        return d;
    }

    private void compileTrigger(String where, CachedMethod cm, Trigger t, int position, List<PropertyPath> methodSuffix, String[] suffixTexts) {
        int arity = suffixTexts.length;
        String tw = where + "trigger #" + position;
        int before = problems.size();
        boolean entities = t.entity().length > 0;
        boolean events = t.event().length > 0;
        if (entities && events) {
            problems.add(tw + " names both entity and event. Split it into two triggers.");
            return;
        }
        if (!entities && !events) {
            problems.add(tw + " names no entity and no event, so nothing can fire it. Set entity = YourEntity.class (or event = YourEvent.class).");
            return;
        }
        Class<?>[] senders = entities ? t.entity() : t.event();
        if (entities) {
            Class<? extends Annotation> entityAnnotation = jpaEntityAnnotation(cm.method != null ? cm.method.getDeclaringClass() : senders[0]);
            JpaMapping mapping = JpaMapping.of(senders[0]);
            for (Class<?> s : senders) {
                if (entityAnnotation == null || s.isAnnotationPresent(entityAnnotation) || (mapping != null && mapping.isMappedSuperclass(s))) {
                    continue;
                }
                if (mapping != null && mapping.isEmbeddable(s)) {
                    problems.add(tw + " entity " + s.getName() + " is a JPA @Embeddable, not an entity: its changes are reported as updates of the entity that embeds it. "
                            + "Name that entity, with a suffix path through the embedded value (e.g. \"" + decapitalize(s.getSimpleName()) + "." + firstOr(Accessors.known(s), "value") + "\").");
                } else {
                    problems.add(tw + " entity " + s.getName() + " is not a JPA @Entity, so no change of it is ever reported. Name an entity class, or use event = "
                            + s.getSimpleName() + ".class for an application event.");
                }
            }
            if (t.on().length == 0) {
                problems.add(tw + " has on = {}, so it never fires. List the events (INSERT, UPDATE, DELETE), or remove the trigger.");
            }
        } else if (t.properties().length > 0) {
            problems.add(tw + " sets properties on an event trigger; properties filter entity updates only. Remove properties, or check the event in a checker.");
        }
        if (entities && t.properties().length > 0 && !Arrays.asList(t.on()).contains(EntityEvent.UPDATE)) {
            problems.add(tw + " sets properties, which filter updates, but on does not include UPDATE. Add UPDATE to on, or remove properties.");
        }
        if (entities) {
            for (String p : t.properties()) {
                for (Class<?> s : senders) {
                    String problem = propertyProblem(s, p);
                    if (problem != null) {
                        problems.add(tw + " properties \"" + p + "\": " + problem);
                    }
                }
            }
        }

        boolean hasFunction = t.suffixFunction() != SuffixFunction.None.class;
        boolean hasPaths = t.suffix().length > 0;
        PropertyPath[][] paths = null;
        SuffixFunction function = null;
        if (hasFunction && hasPaths) {
            problems.add(tw + " sets both suffix and suffixFunction. Keep one of them.");
        } else if ((hasFunction || hasPaths) && arity == 0) {
            problems.add(tw + " has a " + (hasPaths ? "suffix (\"" + String.join("\", \"", t.suffix()) + "\")" : "suffixFunction")
                    + " but the method has none, so there are no groups to drop. Add suffix = \"...\" to @Cached, or remove the trigger's suffix to drop every entry of the method.");
        } else if (hasPaths && t.suffix().length != arity) {
            problems.add(tw + " has " + t.suffix().length + " suffix part" + (t.suffix().length == 1 ? "" : "s") + " but the method's suffix has "
                    + arity + " (\"" + String.join("\", \"", suffixTexts) + "\"). Give one path per method suffix part, in the same order.");
        } else if (hasPaths) {
            paths = new PropertyPath[senders.length][];
            for (int s = 0; s < senders.length; s++) {
                paths[s] = new PropertyPath[t.suffix().length];
                for (int j = 0; j < t.suffix().length; j++) {
                    PropertyPath p = compileStatePath(tw, t.suffix()[j], senders[s]);
                    paths[s][j] = p;
                    if (p != null && methodSuffix.size() == arity) {
                        checkComparable(tw, p, senders[s], methodSuffix.get(j));
                    }
                }
            }
        } else if (hasFunction) {
            function = instance(tw + " suffixFunction ", t.suffixFunction());
        }
        Checker checker = null;
        if (t.checker() != Checker.None.class) {
            checker = instance(tw + " checker ", t.checker());
        }
        if (problems.size() == before) {
            Set<String> props = new LinkedHashSet<>(Arrays.asList(t.properties()));
            triggers.add(new CompiledTrigger(cm, position, senders, events, t.on(), props, paths, function, checker));
        }
    }

    /**
     * Why values of a return type cannot be cached correctly, with the fix, or null if they can. A future is
     * cached through its completed value, so only {@code CompletionStage} and {@code CompletableFuture} are
     * accepted among futures: the engine hands back a {@code CompletableFuture}.
     */
    static String uncacheableReturn(Class<?> t) {
        if (java.util.stream.BaseStream.class.isAssignableFrom(t) || java.util.Iterator.class.isAssignableFrom(t)
                || java.util.Spliterator.class.isAssignableFrom(t)) {
            return "which can be consumed only once, so a cached one would be empty for every caller after the first. Return a List (collect the stream), or remove @Cached.";
        }
        if (CompletionStage.class.isAssignableFrom(t)) {
            return t == CompletionStage.class || t == java.util.concurrent.CompletableFuture.class ? null
                    : "a kind of CompletionStage the engine cannot hand back (it returns a CompletableFuture of the cached value). Declare CompletionStage or CompletableFuture.";
        }
        if (java.util.concurrent.Future.class.isAssignableFrom(t)) {
            return "whose completion the engine cannot observe, so it could cache a failure or a value still being computed. Return CompletionStage or CompletableFuture.";
        }
        if (isReactive(t)) {
            return "a reactive stream, which the engine does not cache: each subscriber would need its own run. Return a CompletionStage of the collected result, or remove @Cached.";
        }
        if (AutoCloseable.class.isAssignableFrom(t)) {
            return "a resource the caller must close, so one cached instance would be closed under every other caller. Return the data it yields, or remove @Cached.";
        }
        return null;
    }

    private static boolean isReactive(Class<?> t) {
        for (Class<?> c = t; c != null; c = c.getSuperclass()) {
            if (isReactiveName(c.getName())) {
                return true;
            }
            for (Class<?> i : c.getInterfaces()) {
                if (isReactiveName(i.getName()) || isReactive(i)) {
                    return true;
                }
            }
        }
        return t.isInterface() && isReactiveName(t.getName());
    }

    private static boolean isReactiveName(String n) {
        return n.equals("java.util.concurrent.Flow$Publisher") || n.equals("org.reactivestreams.Publisher")
                || n.equals("io.smallrye.mutiny.Uni") || n.equals("io.smallrye.mutiny.Multi");
    }

    /**
     * Why {@code property} cannot be in a trigger's {@code properties} for {@code sender}, or null: it must be a
     * persistent attribute, or a dotted path from one into an embedded value or collection (a change of a
     * collection inside an embeddable names both, {@code itinerary} and {@code itinerary.legs}).
     */
    private static String propertyProblem(Class<?> sender, String property) {
        String[] seg = property.split("\\.", -1);
        Class<?> t = sender;
        for (int i = 0; i < seg.length; i++) {
            Accessors.Accessor a = seg[i].isEmpty() ? null : Accessors.find(t, seg[i]);
            if (a == null) {
                return t.getSimpleName() + " has no property \"" + seg[i] + "\" (known: " + String.join(", ", Accessors.known(t)) + "). Fix the property name.";
            }
            if (i == 0) {
                JpaMapping mapping = JpaMapping.of(sender);
                String why = mapping == null ? null : mapping.notPersistent(sender, seg[0]);
                if (why != null) {
                    return sender.getSimpleName() + "." + seg[0] + " " + why + ", so no update ever reports it dirty and the trigger would never fire (persistent: "
                            + String.join(", ", mapping.persistent(sender)) + "). Name a persistent attribute.";
                }
            }
            t = a.elementType() != null ? a.elementType() : a.type();
        }
        return null;
    }

    private static String decapitalize(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String firstOr(List<String> names, String fallback) {
        return names.isEmpty() ? fallback : names.get(0);
    }

    private <T> T instance(String what, Class<T> type) {
        try {
            return instances.get(type);
        } catch (IllegalArgumentException e) {
            problems.add(what + type.getName() + " " + e.getMessage()
                    + ". Make it a bean (e.g. @ApplicationScoped) or give it a public no-argument constructor.");
            return null;
        }
    }

    private void checkComparable(String tw, PropertyPath triggerPath, Class<?> sender, PropertyPath methodPath) {
        Class<?> a = widened(triggerPath.type);
        Class<?> b = widened(methodPath.type);
        if (!a.isAssignableFrom(b) && !b.isAssignableFrom(a) && isConcrete(a) && isConcrete(b)) {
            problems.add(tw + " suffix \"" + triggerPath.text + "\" yields " + a.getSimpleName() + " on " + sender.getSimpleName()
                    + " but the method's suffix \"" + methodPath.text + "\" yields " + b.getSimpleName()
                    + ", so the values would never be equal and nothing would be dropped. Use paths of the same type.");
        }
    }

    private static Class<?> widened(Class<?> t) {
        Class<?> b = Accessors.boxed(t);
        return b == Integer.class || b == Short.class || b == Byte.class ? Long.class : b;
    }

    private static boolean isConcrete(Class<?> t) {
        return !t.isInterface() && t != Object.class && !Modifier.isAbstract(t.getModifiers());
    }

    private List<PropertyPath> compileParameterPaths(String where, String member, String[] texts, Method m) {
        List<PropertyPath> out = new ArrayList<>();
        Parameter[] params = m.getParameters();
        for (String text : texts) {
            String[] seg = text.trim().split("\\.", -1);
            String head = seg[0];
            int index = -1;
            if (head.startsWith("#")) {
                try {
                    index = Integer.parseInt(head.substring(1));
                } catch (NumberFormatException e) {
                    index = -1;
                }
                if (index < 0 || index >= params.length) {
                    problems.add(where + member + " \"" + text + "\": " + head + " is not a parameter position (the method has "
                            + params.length + " parameter" + (params.length == 1 ? "" : "s") + ", #0 to #" + (params.length - 1) + "). Fix the position.");
                    continue;
                }
            } else {
                if (params.length > 0 && !params[0].isNamePresent()) {
                    problems.add(where + member + " \"" + text + "\": parameter names are not available, because the class was compiled without -parameters. Compile with -parameters (maven-compiler-plugin <parameters>true</parameters>), or use a position such as \"#0"
                            + text.substring(head.length()) + "\".");
                    continue;
                }
                for (int i = 0; i < params.length; i++) {
                    if (params[i].getName().equals(head)) {
                        index = i;
                    }
                }
                if (index < 0) {
                    problems.add(where + member + " \"" + text + "\": the method has no parameter \"" + head + "\" (parameters: "
                            + Arrays.stream(params).map(Parameter::getName).collect(Collectors.joining(", ")) + "). Fix the path, or use a position such as \"#0\".");
                    continue;
                }
            }
            PropertyPath p = follow(where + member + " \"" + text + "\"", text.trim(), seg, params[index].getType(), index, null,
                    "Fix the path, or key on a property with a getter.");
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private PropertyPath compileStatePath(String tw, String text, Class<?> sender) {
        String[] seg = text.trim().split("\\.", -1);
        Accessors.Accessor first = Accessors.find(sender, seg[0]);
        if (first == null) {
            problems.add(tw + " suffix \"" + text + "\": " + sender.getSimpleName() + " has no property \"" + seg[0] + "\" (known: "
                    + String.join(", ", Accessors.known(sender)) + "). Fix the path or use suffixFunction.");
            return null;
        }
        JpaMapping mapping = JpaMapping.of(sender);
        String notPersistent = mapping == null ? null : mapping.notPersistent(sender, seg[0]);
        if (notPersistent != null) {
            problems.add(tw + " suffix \"" + text + "\": " + sender.getSimpleName() + "." + seg[0] + " " + notPersistent
                    + ", so a change never carries it (persistent: " + String.join(", ", mapping.persistent(sender))
                    + "). Start the path at a persistent attribute, or use suffixFunction.");
            return null;
        }
        firstElementType = first.elementType();
        return follow(tw + " suffix \"" + text + "\"", text.trim(), seg, first.type(), -1, seg[0], "Fix the path or use suffixFunction.");
    }

    /**
     * Compiles segments 1.. of a path whose segment 0 has type {@code type}. A path over a change's state may go
     * through a collection (or array, or map values) whose element type is declared: the segments after it are
     * followed from each element, and the path yields one value per element. {@code firstElement} is the element
     * type of segment 0 itself when it is a collection, else null.
     */
    private PropertyPath follow(String what, String text, String[] seg, Class<?> type, int parameter, String first, String fix) {
        return follow(what, text, seg, 1, type, parameter, first, fix, parameter < 0 ? firstElementType : null);
    }

    /** The element type of the state property a path starts with, set by {@link #compileStatePath} (deployment only). */
    private Class<?> firstElementType;

    private PropertyPath follow(String what, String text, String[] seg, int from, Class<?> type, int parameter, String first, String fix,
                                Class<?> elementOfType) {
        List<MethodHandle> handles = new ArrayList<>();
        Class<?> t = type;
        Class<?> element = elementOfType;
        for (int i = from; i < seg.length; i++) {
            if (element != null && parameter < 0) {
                PropertyPath each = follow(what, text, seg, i, element, parameter, null, fix, null);
                if (each == null) {
                    return null;
                }
                MethodHandle[] hs = handles.toArray(MethodHandle[]::new);
                return first != null ? PropertyPath.overStateThrough(text, first, hs, each) : PropertyPath.fromElement(text, hs, t, each);
            }
            Accessors.Accessor a = seg[i].isEmpty() ? null : Accessors.find(t, seg[i]);
            if (a == null) {
                problems.add(what + ": " + t.getSimpleName() + " has no property \"" + seg[i] + "\" (known: "
                        + String.join(", ", Accessors.known(t)) + "). " + fix);
                return null;
            }
            handles.add(a.handle());
            t = a.type();
            element = a.elementType();
        }
        MethodHandle[] hs = handles.toArray(MethodHandle[]::new);
        if (parameter >= 0) {
            return PropertyPath.overParameter(text, parameter, hs, t);
        }
        if (element != null) {                      // ends at a collection: one value per element
            PropertyPath each = PropertyPath.fromElement(text, new MethodHandle[0], element, null);
            return first != null ? PropertyPath.overStateThrough(text, first, hs, each) : PropertyPath.fromElement(text, hs, t, each);
        }
        return first != null ? PropertyPath.overState(text, first, hs, t) : PropertyPath.fromElement(text, hs, t, null);
    }

    private static boolean samePath(PropertyPath a, PropertyPath b, Parameter[] params) {
        return a.parameter == b.parameter && tail(a.text).equals(tail(b.text));
    }

    private static String tail(String text) {
        int dot = text.indexOf('.');
        return dot < 0 ? "" : text.substring(dot);
    }

    /** Why values of {@code t} cannot serve as key parts, or null if they can (or it cannot be told). */
    private static String equalityProblem(Class<?> t, String path) {
        if (t.isPrimitive() || t.isEnum() || t.isRecord() || t == String.class || Number.class.isAssignableFrom(t)
                || t == Boolean.class || t == Character.class) {
            return null;
        }
        Class<? extends Annotation> entity = jpaEntityAnnotation(t);
        if (entity != null && t.isAnnotationPresent(entity)) {
            String id = Accessors.find(t, "id") != null ? "id" : "<id property>";
            return "is an entity (" + t.getSimpleName() + ") used whole; entities are mutable and compare by identity or id inconsistently, so entries would not be found or would be shared wrongly. Key on its id instead, e.g. \""
                    + path + "." + id + "\".";
        }
        if (t.isArray()) {
            return "is an array (" + t.getSimpleName() + "), and arrays compare by identity, so no call would ever hit. Take a List, or key on its elements.";
        }
        if (t.isInterface() || t == Object.class || Modifier.isAbstract(t.getModifiers())) {
            return null;
        }
        try {
            if (t.getMethod("equals", Object.class).getDeclaringClass() == Object.class) {
                return "has type " + t.getSimpleName() + ", which does not override equals and hashCode, so no call would ever hit. Key on properties with value equality, or implement equals and hashCode.";
            }
        } catch (NoSuchMethodException e) {
            return null;
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Annotation> jpaEntityAnnotation(Class<?> context) {
        ClassLoader cl = context.getClassLoader();
        try {
            return (Class<? extends Annotation>) Class.forName("jakarta.persistence.Entity", false,
                    cl != null ? cl : Declarations.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    static String describe(Method m) {
        return m.getDeclaringClass().getName() + "." + m.getName() + "("
                + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ")) + ")";
    }
}
