package io.triggercache.engine;

import static io.triggercache.EntityEvent.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.triggercache.Cached;
import io.triggercache.Trigger;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trigger paths and properties checked against the JPA mapping annotations (issue 11, point 6). */
class MappingValidationTest {

    private static List<String> problems(Class<?> type) {
        InvalidDeclarationsException e = catchThrowableOfType(InvalidDeclarationsException.class, () -> Harness.build(type));
        assertThat(e).as("deployment should fail").isNotNull();
        return e.problems();
    }

    private static String where(Class<?> type) {
        return where(type, "m()");
    }

    private static String where(Class<?> type, String method) {
        return "@Cached on " + type.getName() + "." + method + ": trigger #1";
    }

    @Test
    void propertiesNamingATransientGetter_failsTheDeployment_listingThePersistentAttributes() {
        assertThat(problems(TransientFilter.class)).containsExactly(where(TransientFilter.class)
                + " properties \"summary\": Article.summary is a getter with no persistent field behind it (the entity maps its fields), so no update ever reports it dirty and the trigger would never fire (persistent: body, id, route, title). Name a persistent attribute.");
    }

    @Test
    void propertiesNamingATransientField_failsTheDeployment() {
        assertThat(problems(TransientFieldFilter.class)).containsExactly(where(TransientFieldFilter.class)
                + " properties \"views\": Article.views is @Transient, so no update ever reports it dirty and the trigger would never fire (persistent: body, id, route, title). Name a persistent attribute.");
    }

    @Test
    void suffixStartingAtANonPersistentProperty_failsTheDeployment() {
        assertThat(problems(TransientSuffix.class)).containsExactly(where(TransientSuffix.class, "m(String)")
                + " suffix \"summary\": Article.summary is a getter with no persistent field behind it (the entity maps its fields), so a change never carries it (persistent: body, id, route, title). Start the path at a persistent attribute, or use suffixFunction.");
    }

    @Test
    void embeddableNamedAsEntity_isToldToNameTheEntityThatEmbedsIt() {
        assertThat(problems(EmbeddableSender.class)).containsExactly(where(EmbeddableSender.class)
                + " entity " + Route.class.getName() + " is a JPA @Embeddable, not an entity: its changes are reported as updates of the entity that embeds it. Name that entity, with a suffix path through the embedded value (e.g. \"route.origin\").");
    }

    @Test
    void nestedPropertiesAndMappedSuperclassSenders_areAccepted() {
        TriggerCacheEngine engine = Harness.build(Accepted.class);
        assertThat(engine.triggerCount()).isEqualTo(2);
        engine.close();
    }

    /** An entity with field access. */
    @Entity
    public static class Article extends Audited {
        @Id
        Long id;
        String title;
        String body;
        @Embedded
        Route route;
        @Transient
        int views;

        public Long getId() {
            return id;
        }

        public String getTitle() {
            return title;
        }

        public String getBody() {
            return body;
        }

        public Route getRoute() {
            return route;
        }

        public int getViews() {
            return views;
        }

        /** Computed, not mapped. */
        public String getSummary() {
            return body == null ? "" : body.substring(0, Math.min(10, body.length()));
        }
    }

    /** A mapped superclass. */
    @MappedSuperclass
    public abstract static class Audited {
    }

    /** A value embedded in an entity. */
    @Embeddable
    public static class Route {
        String origin;

        public String getOrigin() {
            return origin;
        }
    }

    static class TransientFilter {
        @Cached(triggers = @Trigger(entity = Article.class, on = UPDATE, properties = "summary"))
        public String m() {
            return "";
        }
    }

    static class TransientFieldFilter {
        @Cached(triggers = @Trigger(entity = Article.class, on = UPDATE, properties = "views"))
        public String m() {
            return "";
        }
    }

    static class TransientSuffix {
        @Cached(suffix = "#0", triggers = @Trigger(entity = Article.class, suffix = "summary"))
        public String m(String summary) {
            return "";
        }
    }

    static class EmbeddableSender {
        @Cached(triggers = @Trigger(entity = Route.class))
        public String m() {
            return "";
        }
    }

    static class Accepted {
        @Cached(triggers = @Trigger(entity = Article.class, on = UPDATE, properties = {"route", "route.origin"}))
        public String m() {
            return "";
        }

        @Cached(triggers = @Trigger(entity = Audited.class))
        public String n() {
            return "";
        }
    }
}
