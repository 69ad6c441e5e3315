package io.triggercache.it.payara;

import io.triggercache.it.server.HealthMetricsWar;
import io.triggercache.it.server.HealthStories;
import io.triggercache.it.server.Wars;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The readiness check of {@code triggercache-metrics} in Payara Micro 6, whose MicroProfile Health (built in) serves
 * it at {@code /health/ready} on the HTTP port; the WAR bundles no MicroProfile Health API.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class PayaraHealthTest extends HealthStories {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return HealthMetricsWar.war("payara-health", Wars.Server.PAYARA);
    }

    @ArquillianResource
    URL deployed;

    /** The WAR and {@code /health/ready} on 127.0.0.1 (Payara Micro announces the machine's address; it listens on loopback). */
    @Override
    protected HealthMetricsWar.Client app() {
        String path = deployed.getPath().endsWith("/") ? deployed.getPath() : deployed.getPath() + "/";
        URI app = URI.create("http://127.0.0.1:" + deployed.getPort() + path);
        return new HealthMetricsWar.Client(app, app.resolve("/health/ready"));
    }
}
