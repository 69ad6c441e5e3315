package io.triggercache.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.CacheStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/**
 * What docs/troubleshooting.md says about self-invocation, checked on Weld (the CDI implementation of WildFly and
 * Payara): a call through {@code this} from a method of the same bean is not intercepted, so it is not cached and
 * not counted; the same call through the bean's injected contextual reference is.
 */
@EnableWeld
class SelfInvocationTest {

    private static final String INNER = SelfCalling.class.getName() + ".inner";

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .addBeanClasses(SelfCalling.class)
                    .addExtension(new TriggerCacheExtension()))
            .activate(ApplicationScoped.class).build();

    @Inject
    SelfCalling bean;
    @Inject
    CacheStatistics statistics;

    @Test
    void aCachedMethodCalledThroughThis_isNotIntercepted() {
        SelfCalling.innerRuns.set(0);
        assertThat(bean.outer(1)).isEqualTo("outer:inner1");
        assertThat(bean.outer(1)).isEqualTo("outer:inner1");

        assertThat(SelfCalling.innerRuns).hasValue(2);               // ran twice: the cache never saw the calls
        assertThat(statistics.of(INNER).misses()).isZero();
        assertThat(statistics.of(INNER).hits()).isZero();
    }

    @Test
    void aCachedMethodCalledThroughTheInjectedSelf_isCached() {
        SelfCalling.innerRuns.set(0);
        assertThat(bean.outerThroughSelf(2)).isEqualTo("outer:inner2");
        assertThat(bean.outerThroughSelf(2)).isEqualTo("outer:inner2");

        assertThat(SelfCalling.innerRuns).hasValue(1);
        assertThat(statistics.of(INNER).hits()).isEqualTo(1);
        assertThat(statistics.of(INNER).loads()).isEqualTo(1);
    }
}
