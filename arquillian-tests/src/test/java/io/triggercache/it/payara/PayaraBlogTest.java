package io.triggercache.it.payara;

import io.triggercache.it.server.BlogScenarios;
import io.triggercache.it.server.Wars;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The canonical stories in Payara Micro 6: EclipseLink 4 of the server with no Hibernate at all, so the changes come
 * from the portable JPA source ({@code io.triggercache.jpa}, registered by the mapping file in persistence.xml), JTA
 * on the default data source, Weld 5 of the server.
 */
@ExtendWith(ArquillianExtension.class)
public class PayaraBlogTest extends BlogScenarios {

    @Deployment
    public static WebArchive deployment() {
        return Wars.blog("payara-blog", Wars.Server.PAYARA).addClass(BlogScenarios.class);
    }

    @Override
    protected boolean knowsOldValueOfUnloadedLazyToOne() {
        return false; // a JPA listener sees no foreign key; the post was not loaded when the note was read
    }
}
