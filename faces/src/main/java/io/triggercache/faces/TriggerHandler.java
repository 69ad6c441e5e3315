package io.triggercache.faces;

import io.triggercache.EntityEvent;
import io.triggercache.Trigger;
import io.triggercache.engine.BlockDefinition;
import jakarta.faces.component.UIComponent;
import jakarta.faces.view.facelets.FaceletContext;
import jakarta.faces.view.facelets.TagAttribute;
import jakarta.faces.view.facelets.TagConfig;
import jakarta.faces.view.facelets.TagException;
import jakarta.faces.view.facelets.TagHandler;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The handler of {@code <tc:trigger entity="..." on="..." suffix="..."/>}: an explicit trigger of the enclosing
 * {@code <tc:cache>}, compiled once when the page is compiled. It renders nothing and adds no component.
 *
 * <p>{@code entity}: one or more entity class names (separated by spaces or commas); {@code on}: the events among
 * {@code INSERT UPDATE DELETE} (default all); {@code suffix}: a property path of the changed entity whose value is
 * the group of the fragment to drop (the enclosing tag's {@code group}); without it every entry of the fragment
 * is dropped. All three are literals.
 */
public final class TriggerHandler extends TagHandler {

    private final Trigger trigger;

    /** Compiles the trigger; a bad declaration fails the page's compilation with a message naming the fix. */
    public TriggerHandler(TagConfig config) {
        super(config);
        TagAttribute entity = getRequiredAttribute("entity");
        TagAttribute on = getAttribute("on");
        TagAttribute suffix = getAttribute("suffix");
        for (TagAttribute a : new TagAttribute[] {entity, on, suffix}) {
            if (a != null && !a.isLiteral()) {
                throw fail("attribute " + a.getLocalName() + "=\"" + a.getValue() + "\" is an expression; triggers are compiled once per page.",
                        "Write the value literally.");
            }
        }
        List<Class<?>> types = new ArrayList<>();
        for (String name : words(entity.getValue())) {
            types.add(load(name));
        }
        if (types.isEmpty()) {
            throw fail("entity=\"\" names no class.", "Name the entity class, e.g. entity=\"com.acme.Comment\".");
        }
        Set<EntityEvent> events = new LinkedHashSet<>();
        if (on == null) {
            events.addAll(List.of(EntityEvent.values()));
        } else {
            for (String word : words(on.getValue())) {
                try {
                    events.add(EntityEvent.valueOf(word.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw fail("on=\"" + on.getValue() + "\": \"" + word + "\" is not an event (known: INSERT, UPDATE, DELETE).",
                            "Use INSERT, UPDATE and/or DELETE.");
                }
            }
        }
        String[] suffixes = suffix == null || suffix.getValue().isBlank() ? new String[0] : new String[] {suffix.getValue().trim()};
        trigger = BlockDefinition.trigger(types.toArray(new Class<?>[0]), events.toArray(new EntityEvent[0]), suffixes);
    }

    /** The compiled trigger. */
    Trigger trigger() {
        return trigger;
    }

    /** Nothing to build: the enclosing {@code <tc:cache>} read the trigger when the page was compiled. */
    @Override
    public void apply(FaceletContext ctx, UIComponent parent) {
        // a declaration only
    }

    private Class<?> load(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(name, false, loader != null ? loader : TriggerHandler.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw fail("entity \"" + name + "\": no such class is visible to the application.", "Write the entity's fully qualified class name.");
        }
    }

    private TagException fail(String rule, String fix) {
        return new TagException(tag, Messages.of(rule, fix));
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.split("[\\s,]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }
}
