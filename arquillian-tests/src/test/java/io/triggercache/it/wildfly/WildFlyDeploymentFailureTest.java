package io.triggercache.it.wildfly;

import static io.triggercache.it.server.BrokenDeployments.war;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.triggercache.it.server.BrokenDeployments;
import io.triggercache.it.server.broken.ArityMismatch;
import io.triggercache.it.server.broken.BadTtl;
import io.triggercache.it.server.broken.EntityAsKey;
import io.triggercache.it.server.broken.FinalMethod;
import io.triggercache.it.server.broken.ManyProblems;
import io.triggercache.it.server.broken.NotAnEntity;
import io.triggercache.it.server.broken.ParameterLeftOutOfKey;
import io.triggercache.it.server.broken.PrivateMethod;
import io.triggercache.it.server.broken.StaticMethod;
import io.triggercache.it.server.broken.SuffixAndSuffixFunction;
import io.triggercache.it.server.broken.TriggerSuffixWithoutMethodSuffix;
import io.triggercache.it.server.broken.UnknownMethodProperty;
import io.triggercache.it.server.broken.UnknownTriggerProperty;
import io.triggercache.it.server.broken.UnresolvableChecker;
import io.triggercache.it.server.broken.VoidMethod;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One failing deployment per kind of invalid declaration, deployed to WildFly through Arquillian's deployer (the
 * management API): the deployment fails, and the error the deployer gets back (what {@code jboss-cli} or the
 * Maven plugin would print) carries the library's message line, naming the class, the method, the rule and the fix.
 * A final method is the exception: Weld itself rejects it first (see the test).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class WildFlyDeploymentFailureTest {

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "unknown-method-property", managed = false, testable = false)
    public static WebArchive unknownMethodProperty() {
        return war("unknown-method-property", UnknownMethodProperty.class);
    }

    @Deployment(name = "unknown-trigger-property", managed = false, testable = false)
    public static WebArchive unknownTriggerProperty() {
        return war("unknown-trigger-property", UnknownTriggerProperty.class);
    }

    @Deployment(name = "arity", managed = false, testable = false)
    public static WebArchive arity() {
        return war("arity", ArityMismatch.class);
    }

    @Deployment(name = "suffix-without-method-suffix", managed = false, testable = false)
    public static WebArchive suffixWithoutMethodSuffix() {
        return war("suffix-without-method-suffix", TriggerSuffixWithoutMethodSuffix.class);
    }

    @Deployment(name = "both-suffixes", managed = false, testable = false)
    public static WebArchive bothSuffixes() {
        return war("both-suffixes", SuffixAndSuffixFunction.class, SuffixAndSuffixFunction.ToPost.class);
    }

    @Deployment(name = "parameter-left-out", managed = false, testable = false)
    public static WebArchive parameterLeftOut() {
        return war("parameter-left-out", ParameterLeftOutOfKey.class);
    }

    @Deployment(name = "entity-as-key", managed = false, testable = false)
    public static WebArchive entityAsKey() {
        return war("entity-as-key", EntityAsKey.class);
    }

    @Deployment(name = "no-parameter-names", managed = false, testable = false)
    public static WebArchive noParameterNames() {
        return BrokenDeployments.NoParameterNames.addTo(war("no-parameter-names"));
    }

    @Deployment(name = "void", managed = false, testable = false)
    public static WebArchive voidMethod() {
        return war("void", VoidMethod.class);
    }

    @Deployment(name = "private", managed = false, testable = false)
    public static WebArchive privateMethod() {
        return war("private", PrivateMethod.class);
    }

    @Deployment(name = "static", managed = false, testable = false)
    public static WebArchive staticMethod() {
        return war("static", StaticMethod.class);
    }

    @Deployment(name = "final", managed = false, testable = false)
    public static WebArchive finalMethod() {
        return war("final", FinalMethod.class);
    }

    @Deployment(name = "bad-ttl", managed = false, testable = false)
    public static WebArchive badTtl() {
        return war("bad-ttl", BadTtl.class);
    }

    @Deployment(name = "unresolvable-checker", managed = false, testable = false)
    public static WebArchive unresolvableChecker() {
        return war("unresolvable-checker", UnresolvableChecker.class, UnresolvableChecker.NeedsArgument.class);
    }

    @Deployment(name = "not-an-entity", managed = false, testable = false)
    public static WebArchive notAnEntity() {
        return war("not-an-entity", NotAnEntity.class);
    }

    @Deployment(name = "many-problems", managed = false, testable = false)
    public static WebArchive manyProblems() {
        return war("many-problems", ManyProblems.class);
    }

    /** Deploys {@code name}, expects the deployment to fail, and returns every message of the error's chain. */
    private String failure(String name) {
        Throwable t = catchThrowable(() -> deployer.deploy(name));
        assertThat(t).as("deployment " + name + " must fail").isNotNull();
        List<String> messages = new ArrayList<>();
        for (Throwable x = t; x != null && messages.size() < 20; x = x.getCause()) {
            messages.add(String.valueOf(x.getMessage()));
        }
        // the management API's failure description is a DMR string: quotes inside it arrive escaped
        return String.join("\n", messages).replace("\\\"", "\"");
    }

    @Test
    void unknownPropertyInMethodPath_failsDeployment() {
        assertThat(failure("unknown-method-property")).contains(BrokenDeployments.UNKNOWN_METHOD_PROPERTY);
    }

    @Test
    void unknownPropertyInTriggerPath_failsDeployment() {
        assertThat(failure("unknown-trigger-property")).contains(BrokenDeployments.UNKNOWN_TRIGGER_PROPERTY);
    }

    @Test
    void triggerSuffixArityMismatch_failsDeployment() {
        assertThat(failure("arity")).contains(BrokenDeployments.ARITY);
    }

    @Test
    void triggerSuffixWithoutMethodSuffix_failsDeployment() {
        assertThat(failure("suffix-without-method-suffix")).contains(BrokenDeployments.SUFFIX_WITHOUT_METHOD_SUFFIX);
    }

    @Test
    void suffixAndSuffixFunction_failsDeployment() {
        assertThat(failure("both-suffixes")).contains(BrokenDeployments.BOTH_SUFFIXES);
    }

    @Test
    void parameterLeftOutOfKey_failsDeployment() {
        assertThat(failure("parameter-left-out")).contains(BrokenDeployments.PARAMETER_LEFT_OUT);
    }

    @Test
    void entityUsedWholeAsKey_failsDeployment() {
        assertThat(failure("entity-as-key")).contains(BrokenDeployments.ENTITY_AS_KEY);
    }

    @Test
    void classCompiledWithoutParameters_failsDeployment() {
        assertThat(failure("no-parameter-names")).contains(BrokenDeployments.NO_PARAMETER_NAMES);
    }

    @Test
    void voidMethod_failsDeployment() {
        assertThat(failure("void")).contains(BrokenDeployments.VOID);
    }

    @Test
    void privateMethod_failsDeployment() {
        assertThat(failure("private")).contains(BrokenDeployments.PRIVATE);
    }

    @Test
    void staticMethod_failsDeployment() {
        assertThat(failure("static")).contains(BrokenDeployments.STATIC);
    }

    @Test
    void finalMethod_failsDeployment_withWeldsOwnMessage() {
        // Weld validates intercepted methods before extensions see the deployment, so its error arrives instead of
        // triggercache's (which the engine tests cover): it names the method and the rule as well
        assertThat(failure("final")).contains("WELD-001504").contains(FinalMethod.class.getName() + ".m()")
                .contains("cannot be declared final");
    }

    @Test
    void unparsableTtl_failsDeployment() {
        assertThat(failure("bad-ttl")).contains(BrokenDeployments.BAD_TTL);
    }

    @Test
    void unresolvableChecker_failsDeployment() {
        assertThat(failure("unresolvable-checker")).contains(BrokenDeployments.UNRESOLVABLE_CHECKER);
    }

    @Test
    void triggerEntityThatIsNotAnEntity_failsDeployment() {
        assertThat(failure("not-an-entity")).contains(BrokenDeployments.NOT_AN_ENTITY);
    }

    @Test
    void severalProblems_allReachTheUserInOneError() {
        String failure = failure("many-problems");
        for (String line : BrokenDeployments.MANY) {
            assertThat(failure).contains(line);
        }
    }
}
