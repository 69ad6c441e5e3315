package io.triggercache.engine;

import static io.triggercache.EntityEvent.DELETE;
import static io.triggercache.EntityEvent.INSERT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.triggercache.Cached;
import io.triggercache.Change;
import io.triggercache.Checker;
import io.triggercache.SuffixFunction;
import io.triggercache.Trigger;
import io.triggercache.testing.Comment;
import io.triggercache.testing.Post;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every rule checked at deployment, with the message a user reads. */
class ValidationTest {

    private static List<String> problems(Class<?>... types) {
        InvalidDeclarationsException e = catchThrowableOfType(InvalidDeclarationsException.class, () -> Harness.build(types));
        assertThat(e).as("deployment should fail").isNotNull();
        return e.problems();
    }

    private static String problem(Class<?> type) {
        List<String> ps = problems(type);
        assertThat(ps).hasSize(1);
        return ps.get(0);
    }

    private static String where(Class<?> type, String method) {
        return "@Cached on " + type.getName() + "." + method + ": ";
    }

    static class UnknownMethodProperty {
        @Cached(suffix = "post.idd")
        public String m(Post post) {
            return "";
        }
    }

    @Test
    void unknownPropertyInMethodPath_listsKnownProperties() {
        assertThat(problem(UnknownMethodProperty.class)).isEqualTo(where(UnknownMethodProperty.class, "m(Post)")
                + "suffix \"post.idd\": Post has no property \"idd\" (known: id, published, title). Fix the path, or key on a property with a getter.");
    }

    static class UnknownParameter {
        @Cached(key = "pots.id")
        public String m(Post post) {
            return "";
        }
    }

    @Test
    void unknownParameterName_listsParameters() {
        assertThat(problem(UnknownParameter.class)).isEqualTo(where(UnknownParameter.class, "m(Post)")
                + "key \"pots.id\": the method has no parameter \"pots\" (parameters: post). Fix the path, or use a position such as \"#0\".");
    }

    static class BadPosition {
        @Cached(key = "#1")
        public String m(long id) {
            return "";
        }
    }

    @Test
    void parameterPositionOutOfRange_saysSo() {
        assertThat(problem(BadPosition.class)).isEqualTo(where(BadPosition.class, "m(long)")
                + "key \"#1\": #1 is not a parameter position (the method has 1 parameter, #0 to #0). Fix the position.");
    }

    static class UnknownTriggerProperty {
        @Cached(suffix = "post.id", triggers = @Trigger(entity = Comment.class, suffix = "post.idd"))
        public String m(Post post) {
            return "";
        }
    }

    @Test
    void unknownPropertyInTriggerPath_listsKnownProperties() {
        assertThat(problem(UnknownTriggerProperty.class)).isEqualTo(where(UnknownTriggerProperty.class, "m(Post)")
                + "trigger #1 suffix \"post.idd\": Post has no property \"idd\" (known: id, published, title). Fix the path or use suffixFunction.");
    }

    static class UnknownTriggerRoot {
        @Cached(suffix = "post.id", triggers = @Trigger(entity = Comment.class, suffix = "pots.id"))
        public String m(Post post) {
            return "";
        }
    }

    @Test
    void unknownFirstPropertyInTriggerPath_namesTheEntity() {
        assertThat(problem(UnknownTriggerRoot.class)).isEqualTo(where(UnknownTriggerRoot.class, "m(Post)")
                + "trigger #1 suffix \"pots.id\": Comment has no property \"pots\" (known: id, post, text). Fix the path or use suffixFunction.");
    }

    static class Arity {
        @Cached(suffix = "post.id", triggers = @Trigger(entity = Comment.class, suffix = {"post.id", "id"}))
        public String m(Post post) {
            return "";
        }
    }

    @Test
    void triggerSuffixArityDiffersFromMethod_saysBothCounts() {
        assertThat(problem(Arity.class)).isEqualTo(where(Arity.class, "m(Post)")
                + "trigger #1 has 2 suffix parts but the method's suffix has 1 (\"post.id\"). Give one path per method suffix part, in the same order.");
    }

    static class SuffixWithoutMethodSuffix {
        @Cached(triggers = @Trigger(entity = Comment.class, suffix = "post.id"))
        public String m() {
            return "";
        }
    }

    @Test
    void triggerSuffixOnMethodWithoutSuffix_explainsThereAreNoGroups() {
        assertThat(problem(SuffixWithoutMethodSuffix.class)).isEqualTo(where(SuffixWithoutMethodSuffix.class, "m()")
                + "trigger #1 has a suffix (\"post.id\") but the method has none, so there are no groups to drop. Add suffix = \"...\" to @Cached, or remove the trigger's suffix to drop every entry of the method.");
    }

    public static class ToPost implements SuffixFunction {
        @Override
        public Object suffix(Change change, Change.State state) {
            return ((Post) state.get("post")).getId();
        }
    }

    static class BothSuffixes {
        @Cached(suffix = "post.id", triggers = @Trigger(entity = Comment.class, suffix = "post.id", suffixFunction = ToPost.class))
        public String m(Post post) {
            return "";
        }
    }

    @Test
    void bothSuffixAndSuffixFunction_rejected() {
        assertThat(problem(BothSuffixes.class)).isEqualTo(where(BothSuffixes.class, "m(Post)")
                + "trigger #1 sets both suffix and suffixFunction. Keep one of them.");
    }

    static class ParameterLeftOut {
        @Cached(suffix = "post.id")
        public String m(Post post, int page) {
            return "";
        }
    }

    @Test
    void parameterLeftOutOfKey_rejected() {
        assertThat(problem(ParameterLeftOut.class)).isEqualTo(where(ParameterLeftOut.class, "m(Post, int)")
                + "parameter \"page\" is not part of the key, so calls that differ only in it would share one entry. Add \"page\" (or a property of it) to key (or suffix).");
    }

    static class EntityKey {
        @Cached
        public String m(Post post) {
            return "";
        }
    }

    @Test
    void entityUsedWholeAsKey_suggestsItsId() {
        assertThat(problem(EntityKey.class)).isEqualTo(where(EntityKey.class, "m(Post)")
                + "key part \"post\" is an entity (Post) used whole; entities are mutable and compare by identity or id inconsistently, so entries would not be found or would be shared wrongly. Key on its id instead, e.g. \"post.id\".");
    }

    static class Filter {
        String text;
    }

    static class NoEquals {
        @Cached
        public String m(Filter filter) {
            return "";
        }
    }

    @Test
    void keyPartWithoutValueEquality_rejected() {
        assertThat(problem(NoEquals.class)).isEqualTo(where(NoEquals.class, "m(Filter)")
                + "key part \"filter\" has type Filter, which does not override equals and hashCode, so no call would ever hit. Key on properties with value equality, or implement equals and hashCode.");
    }

    static class ArrayKey {
        @Cached
        public String m(long[] ids) {
            return "";
        }
    }

    @Test
    void arrayKeyPart_rejected() {
        assertThat(problem(ArrayKey.class)).isEqualTo(where(ArrayKey.class, "m(long[])")
                + "key part \"ids\" is an array (long[]), and arrays compare by identity, so no call would ever hit. Take a List, or key on its elements.");
    }

    static class VoidMethod {
        @Cached
        public void m() {
        }
    }

    @Test
    void voidMethod_rejected() {
        assertThat(problem(VoidMethod.class)).isEqualTo(where(VoidMethod.class, "m()")
                + "the method returns void, so there is no result to cache. Remove @Cached from it.");
    }

    static class PrivateMethod {
        @Cached
        private String m() {
            return "";
        }
    }

    static class StaticMethod {
        @Cached
        public static String m() {
            return "";
        }
    }

    static class FinalMethod {
        @Cached
        public final String m() {
            return "";
        }
    }

    @Test
    void privateStaticOrFinalMethod_rejected_becauseItCannotBeIntercepted() {
        assertThat(problem(PrivateMethod.class)).isEqualTo(where(PrivateMethod.class, "m()")
                + "the method is private, and the container never intercepts private methods, so it would not be cached. Make it public (or protected), or remove @Cached.");
        assertThat(problem(StaticMethod.class)).isEqualTo(where(StaticMethod.class, "m()")
                + "the method is static, and the container never intercepts static methods, so it would not be cached. Make it an instance method, or remove @Cached.");
        assertThat(problem(FinalMethod.class)).isEqualTo(where(FinalMethod.class, "m()")
                + "the method is final, so the container cannot intercept it and it would not be cached. Remove final, or remove @Cached.");
    }

    static class BadTtl {
        @Cached(ttl = "10 minutes")
        public String m() {
            return "";
        }
    }

    static class BadJitter {
        @Cached(ttl = "10m", jitter = 1.5)
        public String m() {
            return "";
        }
    }

    static class JitterWithoutTtl {
        @Cached(jitter = 0.1)
        public String m() {
            return "";
        }
    }

    @Test
    void unparsableTtlOrBadJitter_rejected() {
        assertThat(problem(BadTtl.class)).isEqualTo(where(BadTtl.class, "m()")
                + "ttl \"10 minutes\" is not a positive duration. Use ISO-8601 (\"PT10M\") or a number with ms, s, m, h or d (\"10m\", \"30s\").");
        assertThat(problem(BadJitter.class)).isEqualTo(where(BadJitter.class, "m()")
                + "jitter 1.5 is outside 0..1. Give the spread as a fraction of the ttl, e.g. jitter = 0.1.");
        assertThat(problem(JitterWithoutTtl.class)).isEqualTo(where(JitterWithoutTtl.class, "m()")
                + "jitter 0.1 is set without a ttl, so it has no effect. Set ttl, or remove jitter.");
    }

    static class TtlForms {
        @Cached(ttl = "PT10M")
        public String iso() {
            return "";
        }

        @Cached(ttl = "30s")
        public String seconds() {
            return "";
        }

        @Cached(ttl = "250ms")
        public String millis() {
            return "";
        }
    }

    @Test
    void ttlForms_isoAndShort_areAccepted() {
        try (TriggerCacheEngine e = Harness.build(TtlForms.class)) {
            assertThat(e.names()).hasSize(3);
        }
    }

    static class NoConstructor implements Checker {
        NoConstructor(String x) {
        }

        @Override
        public boolean test(Change change) {
            return true;
        }
    }

    static class UnresolvableChecker {
        @Cached(triggers = @Trigger(entity = Post.class, checker = NoConstructor.class))
        public String m() {
            return "";
        }
    }

    @Test
    void checkerThatIsNeitherBeanNorConstructible_rejected() {
        assertThat(problem(UnresolvableChecker.class)).isEqualTo(where(UnresolvableChecker.class, "m()")
                + "trigger #1 checker " + NoConstructor.class.getName()
                + " is neither a bean nor a class with a public no-argument constructor. Make it a bean (e.g. @ApplicationScoped) or give it a public no-argument constructor.");
    }

    static class NotAnEntity {
        @Cached(triggers = @Trigger(entity = String.class))
        public String m() {
            return "";
        }
    }

    @Test
    void entityThatIsNotAnEntity_rejected() {
        assertThat(problem(NotAnEntity.class)).isEqualTo(where(NotAnEntity.class, "m()")
                + "trigger #1 entity java.lang.String is not a JPA @Entity, so no change of it is ever reported. Name an entity class, or use event = String.class for an application event.");
    }

    static class NoSender {
        @Cached(triggers = @Trigger(suffix = "id"))
        public String m() {
            return "";
        }
    }

    @Test
    void triggerWithoutEntityOrEvent_rejected() {
        assertThat(problem(NoSender.class)).isEqualTo(where(NoSender.class, "m()")
                + "trigger #1 names no entity and no event, so nothing can fire it. Set entity = YourEntity.class (or event = YourEvent.class).");
    }

    static class TypeMismatch {
        @Cached(suffix = "title", triggers = @Trigger(entity = Comment.class, suffix = "post.id"))
        public String m(String title) {
            return "";
        }
    }

    @Test
    void suffixTypesThatCanNeverBeEqual_rejected() {
        assertThat(problem(TypeMismatch.class)).isEqualTo(where(TypeMismatch.class, "m(String)")
                + "trigger #1 suffix \"post.id\" yields Long on Comment but the method's suffix \"title\" yields String, so the values would never be equal and nothing would be dropped. Use paths of the same type.");
    }

    static class IntAgainstLong {
        @Cached(suffix = "postId", triggers = @Trigger(entity = Comment.class, suffix = "post.id"))
        public String m(int postId) {
            return "";
        }
    }

    @Test
    void intSuffixAgainstLongId_isAccepted_becauseIntegralValuesAreWidened() {
        try (TriggerCacheEngine e = Harness.build(IntAgainstLong.class)) {
            assertThat(e.triggerCount()).isEqualTo(1);
        }
    }

    static class BadProperties {
        @Cached(triggers = @Trigger(entity = Post.class, on = {INSERT, DELETE}, properties = "titel"))
        public String m() {
            return "";
        }
    }

    @Test
    void unknownOrUselessPropertiesFilter_rejected() {
        assertThat(problems(BadProperties.class)).containsExactly(
                where(BadProperties.class, "m()") + "trigger #1 sets properties, which filter updates, but on does not include UPDATE. Add UPDATE to on, or remove properties.",
                where(BadProperties.class, "m()") + "trigger #1 properties \"titel\": Post has no property \"titel\" (known: id, published, title). Fix the property name.");
    }

    static class Overloads {
        @Cached
        public String m(long a) {
            return "";
        }

        @Cached
        public String m(String a) {
            return "";
        }
    }

    @Test
    void overloadsWithTheDefaultName_rejected() {
        assertThat(problem(Overloads.class)).contains("name \"" + Overloads.class.getName() + ".m\" is already used by ")
                .endsWith("; two cached methods would share entries and triggers. Give each a distinct @Cached(name = \"...\").");
    }

    static class ManyProblems {
        @Cached(ttl = "soon")
        public void a() {
        }

        @Cached(suffix = "post.idd", triggers = @Trigger(entity = Comment.class, suffix = {"post.id", "id"}))
        public String b(Post post, int page) {
            return "";
        }
    }

    @Test
    void severalProblems_allReportedInOneException() {
        InvalidDeclarationsException e = catchThrowableOfType(InvalidDeclarationsException.class, () -> Harness.build(ManyProblems.class));
        assertThat(e.problems()).hasSize(4);
        assertThat(e.getMessage())
                .startsWith("4 invalid @Cached declarations (triggercache):")
                .contains(where(ManyProblems.class, "a()") + "the method returns void")
                .contains(where(ManyProblems.class, "a()") + "ttl \"soon\" is not a positive duration")
                .contains(where(ManyProblems.class, "b(Post, int)") + "suffix \"post.idd\": Post has no property \"idd\"")
                .contains(where(ManyProblems.class, "b(Post, int)") + "trigger #1 has 2 suffix parts but the method's suffix has 1 (\"post.idd\")");
    }
}
