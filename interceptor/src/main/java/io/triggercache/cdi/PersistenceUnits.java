package io.triggercache.cdi;

import io.triggercache.Trigger;
import io.triggercache.engine.MethodDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The deployment's persistence units ({@code META-INF/persistence.xml} on its class loader), read at deployment to
 * find entity triggers that can never fire: every unit that may map the trigger's entity has no triggercache change
 * source. A unit has one when one of its mapping files (those it lists, and {@code META-INF/orm.xml}, which JPA reads
 * by default) names {@value #LISTENER} (the portable source, as {@code META-INF/triggercache-orm.xml} does), or when
 * its provider is Hibernate ORM (named, or, with none named, visible to the deployment) and the Hibernate change
 * source ({@value #INTEGRATOR}) is on the class path and not switched off in the unit's properties
 * ({@value #ENABLED}{@code =false}).
 *
 * <p>Only certain cases are reported: a unit may map an entity when it lists the class, or lists no classes, or names
 * other mapping files or jar files (which may declare entities); an entity no unit may map is not judged, nor is a
 * deployment without {@code persistence.xml} (a unit built in code). A provider's switch given in code
 * (properties passed to {@code createEntityManagerFactory}) is not seen here; the Hibernate source logs
 * {@code TCHIB007} at the unit's start then. The check is skipped with the system property {@value #SKIP}{@code =false}
 * (for a change source of the application's own).
 */
final class PersistenceUnits {

    static final String LISTENER = "io.triggercache.jpa.TriggerCacheEntityListener";
    static final String INTEGRATOR = "io.triggercache.hibernate.TriggerCacheIntegrator";
    static final String HIBERNATE_PROVIDER = "org.hibernate.jpa.HibernatePersistenceProvider";
    static final String ENABLED = "io.triggercache.hibernate.enabled";
    static final String SKIP = "triggercache.persistence-unit-check";
    static final String PORTABLE_MAPPING = "META-INF/triggercache-orm.xml";

    /** One persistence unit as far as its source matters. */
    record Unit(String name, URL file, String provider, List<String> classes, List<String> mappingFiles, boolean jarFiles,
            Map<String, String> properties) {

        /** Whether the unit may map {@code entity} (see the class comment). */
        boolean mayMap(Class<?> entity) {
            if (classes.isEmpty() || jarFiles) {
                return true;
            }
            for (String m : mappingFiles) {
                if (!m.equals(PORTABLE_MAPPING)) {
                    return true;
                }
            }
            for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
                if (classes.contains(c.getName())) {
                    return true;
                }
            }
            return false;
        }
    }

    private PersistenceUnits() {
    }

    /**
     * The deployment problems of {@code definitions} against the units {@code loader} sees: one per trigger whose
     * entity only units without a change source may map. Empty when everything can fire, or nothing can be told.
     */
    static List<String> problems(ClassLoader loader, Collection<MethodDefinition> definitions) {
        if (loader == null || "false".equalsIgnoreCase(System.getProperty(SKIP, "true").trim())) {
            return List.of();
        }
        List<Unit> units = read(loader);
        if (units.isEmpty()) {
            return List.of();
        }
        Map<Unit, String> missing = new LinkedHashMap<>();
        for (Unit u : units) {
            String why = missingSource(u, loader);
            if (why != null) {
                missing.put(u, why);
            }
        }
        if (missing.isEmpty()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (MethodDefinition d : definitions) {
            Trigger[] triggers = d.cached().triggers();
            for (int i = 0; i < triggers.length; i++) {
                for (Class<?> entity : triggers[i].entity()) {
                    List<Unit> candidates = new ArrayList<>();
                    for (Unit u : units) {
                        if (u.mayMap(entity)) {
                            candidates.add(u);
                        }
                    }
                    if (candidates.isEmpty() || !missing.keySet().containsAll(candidates)) {
                        continue;
                    }
                    StringBuilder why = new StringBuilder();
                    for (Unit u : candidates) {
                        if (why.length() > 0) {
                            why.append("; ");
                        }
                        why.append("persistence unit \"").append(u.name()).append("\" (").append(u.file()).append("): ")
                                .append(missing.get(u));
                    }
                    problems.add("@Cached on " + describe(d.method()) + ": trigger #" + (i + 1) + " on entity "
                            + entity.getName() + " can never fire: no triggercache change source reports the writes of "
                            + why + ". Fix: add <mapping-file>" + PORTABLE_MAPPING + "</mapping-file> to the unit (the portable "
                            + "JPA source, for EclipseLink and other providers), or run the unit on Hibernate ORM with "
                            + "triggercache-hibernate in the deployment" + (why.indexOf(ENABLED) >= 0 ? " and remove " + ENABLED + "=false" : "")
                            + ". If the application reports these writes itself, set the system property " + SKIP + "=false.");
                }
            }
        }
        return problems;
    }

    private static String describe(java.lang.reflect.Method m) {
        StringBuilder sb = new StringBuilder(m.getDeclaringClass().getName()).append('.').append(m.getName()).append('(');
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(types[i].getSimpleName());
        }
        return sb.append(')').toString();
    }

    /** Why {@code u} has no change source, or null when it has one. */
    static String missingSource(Unit u, ClassLoader loader) {
        if (mappingNamesListener(u, loader)) {
            return null;
        }
        String provider = u.provider();
        boolean hibernate = provider == null ? visible(HIBERNATE_PROVIDER, loader) : provider.startsWith("org.hibernate.");
        String shown = provider == null ? "no provider named" + (hibernate ? ", Hibernate ORM visible" : ", Hibernate ORM not visible")
                : "provider " + provider;
        if (!hibernate) {
            return shown + ", and no mapping file names " + LISTENER;
        }
        if (!visible(INTEGRATOR, loader)) {
            return shown + ", but triggercache-hibernate (" + INTEGRATOR + ") is not on the class path, and no mapping file names "
                    + LISTENER;
        }
        String enabled = u.properties().get(ENABLED);
        if (enabled != null && "false".equalsIgnoreCase(enabled.trim())) {
            return shown + ", but its property " + ENABLED + "=false switches the Hibernate change source off, and no mapping file names "
                    + LISTENER;
        }
        return null;
    }

    private static boolean mappingNamesListener(Unit u, ClassLoader loader) {
        Set<String> files = new LinkedHashSet<>(u.mappingFiles());
        files.add("META-INF/orm.xml");
        for (String f : files) {
            try {
                Enumeration<URL> urls = loader.getResources(f.startsWith("/") ? f.substring(1) : f);
                while (urls.hasMoreElements()) {
                    try (InputStream in = urls.nextElement().openStream()) {
                        if (new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(LISTENER)) {
                            return true;
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                return true; // cannot be told: not judged
            }
        }
        return false;
    }

    private static boolean visible(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The units of every {@code META-INF/persistence.xml} {@code loader} sees; a file that cannot be read is skipped. */
    static List<Unit> read(ClassLoader loader) {
        List<Unit> units = new ArrayList<>();
        Enumeration<URL> files;
        try {
            files = loader.getResources("META-INF/persistence.xml");
        } catch (IOException e) {
            return units;
        }
        while (files.hasMoreElements()) {
            URL file = files.nextElement();
            try (InputStream in = file.openStream()) {
                units.addAll(parse(file, in));
            } catch (Exception e) {
                // the provider reports an unreadable persistence.xml itself
            }
        }
        return units;
    }

    static List<Unit> parse(URL file, InputStream in) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        Document doc = b.parse(in);
        List<Unit> units = new ArrayList<>();
        NodeList list = doc.getDocumentElement().getChildNodes();
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i) instanceof Element e && "persistence-unit".equals(e.getLocalName())) {
                String provider = null;
                List<String> classes = new ArrayList<>();
                List<String> mappings = new ArrayList<>();
                boolean jars = false;
                Map<String, String> properties = new LinkedHashMap<>();
                NodeList children = e.getChildNodes();
                for (int j = 0; j < children.getLength(); j++) {
                    Node n = children.item(j);
                    if (!(n instanceof Element c)) {
                        continue;
                    }
                    String text = c.getTextContent() == null ? "" : c.getTextContent().trim();
                    switch (c.getLocalName()) {
                        case "provider" -> provider = text.isEmpty() ? null : text;
                        case "class" -> classes.add(text);
                        case "mapping-file" -> mappings.add(text);
                        case "jar-file" -> jars = true;
                        case "properties" -> {
                            NodeList ps = c.getChildNodes();
                            for (int k = 0; k < ps.getLength(); k++) {
                                if (ps.item(k) instanceof Element p && "property".equals(p.getLocalName())) {
                                    properties.put(p.getAttribute("name"), p.getAttribute("value"));
                                }
                            }
                        }
                        default -> {
                        }
                    }
                }
                units.add(new Unit(e.getAttribute("name"), file, provider, classes, mappings, jars, properties));
            }
        }
        return units;
    }
}
