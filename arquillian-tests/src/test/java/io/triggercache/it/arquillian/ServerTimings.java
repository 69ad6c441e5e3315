package io.triggercache.it.arquillian;

import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.DeploymentEvent;
import org.jboss.arquillian.container.spi.event.StartContainer;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Prints how long each server took to boot and each deployment to deploy, into the build output (Arquillian
 * client side; registered through META-INF/services). A Payara Micro deployment is a server boot with the WAR.
 */
public class ServerTimings implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Observer.class);
    }

    /** Times the container events around their handling. */
    public static class Observer {

        public void start(@Observes EventContext<StartContainer> event) {
            long t = System.nanoTime();
            event.proceed();
            String name = event.getEvent().getContainer().getName();
            if (System.nanoTime() - t < 1_000_000_000L) {
                // Payara Micro's adapter starts nothing here: the server boots with each deployment
                System.out.printf("[triggercache-it] server %s ready (it boots with each deployment: see the deploy times)%n", name);
            } else {
                print("server " + name + " started", t);
            }
        }

        public void deploy(@Observes EventContext<DeployDeployment> event) {
            long t = System.nanoTime();
            boolean deployed = false;
            try {
                event.proceed();
                deployed = true;
            } finally {
                print((deployed ? "deployed " : "failed to deploy (as some tests expect) ") + name(event.getEvent()) + " to "
                        + event.getEvent().getContainer().getName(), t);
            }
        }

        public void undeploy(@Observes EventContext<UnDeployDeployment> event) {
            long t = System.nanoTime();
            event.proceed();
            print("undeployed " + name(event.getEvent()), t);
        }

        private static String name(DeploymentEvent event) {
            DeploymentDescription d = event.getDeployment().getDescription();
            return d.isArchiveDeployment() ? d.getArchive().getName() : d.getName();
        }

        private static void print(String what, long startNanos) {
            System.out.printf("[triggercache-it] %s in %d ms%n", what, (System.nanoTime() - startNanos) / 1_000_000);
        }
    }
}
