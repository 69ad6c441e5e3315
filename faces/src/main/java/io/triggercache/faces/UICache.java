package io.triggercache.faces;

import io.triggercache.engine.CachedBlock;
import io.triggercache.engine.TriggerCacheEngine;
import jakarta.faces.FacesException;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

/**
 * The component of {@code <tc:cache>}: renders its children's markup from the fragment's cached entry, or renders
 * them, stores the markup and writes it. It writes no markup of its own.
 *
 * <p>The entry's key is the view id, the component's client id (so that ids inside the markup match the place it
 * is written to, also inside iterations) and the {@code key} value; its group is the {@code group} value. Cached
 * methods called while the children render become dependencies of the entry (a drop of their groups drops it).
 * A partial (AJAX) render of components inside the fragment renders those components directly: the entry is
 * neither read nor written for it.
 */
public class UICache extends UIComponentBase {

    /** The component type registered in the library's faces-config.xml. */
    public static final String COMPONENT_TYPE = "io.triggercache.faces.Cache";

    /** The component family. */
    public static final String COMPONENT_FAMILY = "io.triggercache.faces";

    private static final TriggerCacheEngine.Loader<UICache> RENDER = cache -> cache.renderChildren(FacesContext.getCurrentInstance());

    private enum Keys { blockName }

    private transient CachedBlock block;

    /** A component without a renderer: it renders its children itself. */
    public UICache() {
        setRendererType(null);
    }

    @Override
    public String getFamily() {
        return COMPONENT_FAMILY;
    }

    @Override
    public boolean getRendersChildren() {
        return true;
    }

    /** The name of the fragment's block, as the tag defined it. */
    public String getBlockName() {
        return (String) getStateHelper().get(Keys.blockName);
    }

    void setBlockName(String name) {
        getStateHelper().put(Keys.blockName, name);
        block = null;
    }

    @Override
    public void encodeChildren(FacesContext context) throws IOException {
        CachedBlock b = block(context);
        if (b == null || isDisabled()) {
            for (UIComponent child : getChildren()) {
                child.encodeAll(context);
            }
            return;
        }
        String markup;
        try {
            markup = (String) b.get(group(b), key(context), RENDER, this);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new FacesException(e);
        }
        context.getResponseWriter().write(markup);
    }

    /** The children's markup, rendered into a buffer through a clone of the response writer. */
    String renderChildren(FacesContext context) throws IOException {
        ResponseWriter original = context.getResponseWriter();
        StringWriter buffer = new StringWriter(512);
        ResponseWriter writer = original.cloneWithWriter(buffer);
        context.setResponseWriter(writer);
        try {
            for (UIComponent child : getChildren()) {
                child.encodeAll(context);
            }
            writer.flush();
        } finally {
            context.setResponseWriter(original);
        }
        return buffer.toString();
    }

    private CachedBlock block(FacesContext context) {
        CachedBlock b = block;
        if (b == null) {
            String name = getBlockName();
            // null when this view was restored from saved state on a node where no page defined the block: uncached
            b = name == null ? null : Fragments.of(context).block(name);
            block = b;
        }
        return b;
    }

    private boolean isDisabled() {
        Object disabled = getAttributes().get("disabled");
        return Boolean.TRUE.equals(disabled) || "true".equals(disabled);
    }

    private List<?> group(CachedBlock b) {
        if (getValueExpression("group") == null && !getAttributes().containsKey("group")) {
            return List.of();
        }
        Object group = getAttributes().get("group");
        if (group == null) {
            throw new FacesException("<tc:cache> " + b.name() + " (client id " + getClientId() + "): group evaluated to null."
                    + " Give group=\"#{...}\" a value for every render (the value the triggers' suffixes yield), or drop the attribute.");
        }
        return List.of(group);
    }

    private List<?> key(FacesContext context) {
        String view = context.getViewRoot().getViewId();
        Object key = getAttributes().get("key");
        return key == null ? List.of(view, getClientId(context)) : List.of(view, getClientId(context), key);
    }
}
