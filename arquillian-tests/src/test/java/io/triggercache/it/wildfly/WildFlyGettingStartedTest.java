package io.triggercache.it.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.it.server.GettingStartedExample;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** docs/getting-started.md's server project, deployed unchanged to WildFly: /demo prints what the page says. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class WildFlyGettingStartedTest {

    @Deployment(testable = false)
    public static WebArchive gettingStarted() {
        return GettingStartedExample.war();
    }

    @ArquillianResource
    URL deployed;

    @Test
    void demo_printsTheThirtySecondExample() throws Exception {
        assertThat(GettingStartedExample.demo(deployed)).containsExactlyElementsOf(GettingStartedExample.PRINTED);
    }
}
