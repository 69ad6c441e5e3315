package io.triggercache.faces;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.Location;

/** The library's message style for the tags: the tag, the view it was built for, where it is, the rule broken, the fix. */
final class Messages {

    private Messages() {
    }

    /**
     * {@code in view /post.xhtml: rule. Fix.}, the message of a {@link jakarta.faces.view.facelets.TagException},
     * which puts the tag and its location in front: {@code /post.xhtml @12,5 <tc:cache> in view /post.xhtml: ...}.
     */
    static String of(String rule, String fix) {
        return "in view " + viewId() + ": " + (fix.isEmpty() ? rule : rule + " " + fix);
    }

    /** {@code /post.xhtml line 12}. */
    static String where(Location location) {
        return location == null ? "(unknown location)" : location.getPath() + " line " + location.getLine();
    }

    private static String viewId() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null || faces.getViewRoot() == null ? "(none yet)" : faces.getViewRoot().getViewId();
    }
}
