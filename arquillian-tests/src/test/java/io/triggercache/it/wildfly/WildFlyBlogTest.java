package io.triggercache.it.wildfly;

import io.triggercache.it.server.BlogScenarios;
import io.triggercache.it.server.Wars;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The canonical stories in WildFly 38: Hibernate ORM 6.6 of the server with the Hibernate change source from
 * {@code WEB-INF/lib}, JTA on the bundled H2 {@code ExampleDS}, Weld 5 of the server.
 */
@ExtendWith(ArquillianExtension.class)
public class WildFlyBlogTest extends BlogScenarios {

    @Deployment
    public static WebArchive deployment() {
        return Wars.blog("wildfly-blog", Wars.Server.WILDFLY).addClass(BlogScenarios.class);
    }

    @Override
    protected boolean knowsOldValueOfUnloadedLazyToOne() {
        return true; // Hibernate ORM keeps the foreign key in the loaded state
    }
}
