package io.triggercache.faces;

import com.sun.faces.config.ConfigureListener;
import io.triggercache.example.blog.embedded.EmbeddedPersistence;
import io.triggercache.example.blog.web.DemoDataListener;
import io.triggercache.example.blog.web.StatsServlet;
import jakarta.faces.webapp.FacesServlet;
import java.util.UUID;
import org.eclipse.jetty.ee10.cdi.CdiDecoratingListener;
import org.eclipse.jetty.ee10.cdi.CdiServletContainerInitializer;
import org.eclipse.jetty.ee10.servlet.ListenerHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.jboss.weld.environment.servlet.EnhancedListener;

/**
 * The example blog's model and cached queries rendered by Mojarra: embedded Jetty 12 with Weld servlet, the pages
 * of {@code src/test/resources/webapp}, a fresh in-memory H2 database seeded with the demo data, the blog's
 * {@code /stats} (JSON counters and SQL statements) on a free port of 127.0.0.1.
 */
final class FacesBlogServer implements AutoCloseable {

    private final Server server;
    private final int port;

    private FacesBlogServer(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    static FacesBlogServer start() throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.setBaseResource(ResourceFactory.of(context).newClassLoaderResource("webapp"));
        context.setInitParameter(EmbeddedPersistence.JDBC_URL, "jdbc:h2:mem:faces-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        context.setInitParameter("jakarta.faces.PROJECT_STAGE", "Development");
        // no web.xml names the FacesServlet here: without this Mojarra's listener would not configure the application
        context.setInitParameter("com.sun.faces.forceLoadConfiguration", "true");
        context.setInitParameter(CdiServletContainerInitializer.CDI_INTEGRATION_ATTRIBUTE, CdiDecoratingListener.MODE);
        context.addServletContainerInitializer(new CdiServletContainerInitializer());
        context.addServletContainerInitializer(new EnhancedListener());
        // after Weld (a container initializer): Mojarra finds the BeanManager when it configures the application
        context.getServletHandler().addListener(new ListenerHolder(ConfigureListener.class));
        context.getServletHandler().addListener(new ListenerHolder(DemoDataListener.class));
        ServletHolder faces = new ServletHolder("faces", FacesServlet.class);
        faces.setInitOrder(1);
        context.addServlet(faces, "*.xhtml");
        context.addServlet(StatsServlet.class, "/stats");
        server.setHandler(context);
        server.setStopAtShutdown(false);
        server.start();
        if (!context.isAvailable()) {
            server.stop();
            throw new IllegalStateException("the faces blog did not start: its servlet context is unavailable (see the log above)");
        }
        return new FacesBlogServer(server, connector.getLocalPort());
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
