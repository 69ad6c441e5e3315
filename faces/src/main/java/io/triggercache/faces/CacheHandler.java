package io.triggercache.faces;

import io.triggercache.Trigger;
import io.triggercache.engine.BlockDefinition;
import io.triggercache.engine.InvalidDeclarationsException;
import jakarta.faces.component.ActionSource;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIForm;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.Location;
import jakarta.faces.view.facelets.ComponentConfig;
import jakarta.faces.view.facelets.ComponentHandler;
import jakarta.faces.view.facelets.CompositeFaceletHandler;
import jakarta.faces.view.facelets.FaceletContext;
import jakarta.faces.view.facelets.FaceletHandler;
import jakarta.faces.view.facelets.MetaRuleset;
import jakarta.faces.view.facelets.TagAttribute;
import jakarta.faces.view.facelets.TagException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The handler of {@code <tc:cache>}: when the page is compiled (its first view build), checks the declaration and
 * defines the fragment's {@link io.triggercache.engine.CachedBlock} once; at every view build it checks that the
 * children are output only, and hands the block's name to the {@link UICache} component.
 *
 * <p>Attributes: {@code name} (literal; default {@code fragment:<file>:<line>:<column>}), {@code key} (EL; with the
 * view id and the component's client id it identifies an entry), {@code group} (EL; the value the nested triggers'
 * suffixes aim at), {@code ttl} (literal, as {@code @Cached(ttl)}: {@code 10m}, {@code PT10M}), {@code disabled}
 * (EL; renders the children without the cache).
 */
public final class CacheHandler extends ComponentHandler {

    private final String name;

    /** Compiles the declaration and defines its block; a bad declaration fails the page with the library's message style. */
    public CacheHandler(ComponentConfig config) {
        super(config);
        TagAttribute nameAttribute = getAttribute("name");
        TagAttribute ttlAttribute = getAttribute("ttl");
        requireLiteral(nameAttribute);
        requireLiteral(ttlAttribute);
        Location at = tag.getLocation();
        name = nameAttribute != null && !nameAttribute.getValue().isBlank() ? nameAttribute.getValue().trim()
                : "fragment:" + at.getPath() + ":" + at.getLine() + ":" + at.getColumn();
        Duration ttl = Duration.ZERO;
        if (ttlAttribute != null) {
            ttl = Durations.parse(ttlAttribute.getValue());
            if (ttl == null) {
                throw fail("ttl=\"" + ttlAttribute.getValue() + "\" is not a positive duration.", "Write it as 10m, 30s, 2h or PT10M.");
            }
        }
        List<Trigger> triggers = new ArrayList<>();
        collectTriggers(nextHandler, triggers);
        int groupParts = getAttribute("group") != null ? 1 : 0;
        BlockDefinition definition = new BlockDefinition(name, Messages.where(at), groupParts, ttl, triggers);
        try {
            Fragments.of(FacesContext.getCurrentInstance()).define(definition);
        } catch (InvalidDeclarationsException | IllegalArgumentException | IllegalStateException e) {
            // the engine's message names the rule and the fix; a missing group is the likely cause of a suffix mismatch
            throw fail(e.getMessage(), groupParts == 0 && !triggers.isEmpty()
                    ? "A trigger with a suffix needs group=\"#{...}\" on <tc:cache>: the value its suffix yields." : "");
        }
    }

    /** The name of the fragment's entries. */
    String name() {
        return name;
    }

    @Override
    protected MetaRuleset createMetaRuleset(Class type) {
        // literals read once above; key, group and disabled stay attributes (ValueExpressions evaluated when rendering)
        return super.createMetaRuleset(type).ignore("name").ignore("ttl");
    }

    @Override
    public void onComponentCreated(FaceletContext ctx, UIComponent c, UIComponent parent) {
        ((UICache) c).setBlockName(name);
    }

    /** The children of a cached fragment must be output only: their markup is replayed without them being rendered. */
    @Override
    public void onComponentPopulated(FaceletContext ctx, UIComponent c, UIComponent parent) {
        checkOutputOnly(c);
    }

    private void checkOutputOnly(UIComponent component) {
        for (var it = component.getFacetsAndChildren(); it.hasNext(); ) {
            UIComponent child = it.next();
            String rule = null;
            if (child instanceof UIForm) {
                rule = "is a form: its markup carries the view state, which differs per view and session";
            } else if (child instanceof EditableValueHolder) {
                rule = "holds state (an EditableValueHolder): replayed markup would lose its submitted value, conversion and validation";
            } else if (child instanceof ActionSource) {
                rule = "is a command (an ActionSource): its markup belongs to a form and to the current view";
            }
            if (rule != null) {
                throw fail("child " + describe(child) + " " + rule + ".",
                        "Only output may be cached: move it out of <tc:cache>, or wrap the output around it in separate <tc:cache> tags.");
            }
            if (!(child instanceof UICache)) {
                checkOutputOnly(child);
            }
        }
    }

    private static String describe(UIComponent c) {
        Object where = c.getAttributes().get(UIComponent.VIEW_LOCATION_KEY);
        return c.getClass().getSimpleName() + " (id \"" + c.getId() + "\"" + (where instanceof Location l ? ", " + Messages.where(l) : "") + ")";
    }

    private void requireLiteral(TagAttribute attribute) {
        if (attribute != null && !attribute.isLiteral()) {
            throw fail("attribute " + attribute.getLocalName() + "=\"" + attribute.getValue() + "\" is an expression; it is read once, when the page is compiled.",
                    "Write the value literally.");
        }
    }

    private static void collectTriggers(FaceletHandler handler, List<Trigger> into) {
        if (handler instanceof TriggerHandler t) {
            into.add(t.trigger());
        } else if (handler instanceof CompositeFaceletHandler composite) {
            for (FaceletHandler h : composite.getHandlers()) {
                collectTriggers(h, into);
            }
        }
    }

    private TagException fail(String rule, String fix) {
        return new TagException(tag, Messages.of(rule, fix));
    }
}
