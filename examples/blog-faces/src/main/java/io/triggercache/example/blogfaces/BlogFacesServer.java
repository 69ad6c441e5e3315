package io.triggercache.example.blogfaces;

import com.sun.faces.config.ConfigureListener;
import io.triggercache.example.blog.embedded.EmbeddedPersistence;
import io.triggercache.example.blog.web.DemoDataListener;
import io.triggercache.example.blog.web.StatsServlet;
import jakarta.faces.webapp.FacesServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
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
 * Runs the Faces blog on embedded Jetty 12 with Weld and Mojarra: {@code java -jar target/blog-faces.jar}.
 *
 * <p>System properties: {@code port} (default 8080; 0 picks a free one), {@code host} (default {@code 127.0.0.1}),
 * {@code blog.jdbc-url} (default a fresh in-memory H2 database, seeded with the demo posts at each start).
 * The pages are the jar's {@code META-INF/resources/*.xhtml} (web resources of a jar in {@code WEB-INF/lib} too); {@code /stats?format=json} is the blog's JSON.
 */
public final class BlogFacesServer implements AutoCloseable {

    private final Server server;
    private final int port;

    private BlogFacesServer(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts the blog with the settings from the system properties and waits until it is stopped. */
    public static void main(String[] args) throws Exception {
        String database = System.getProperty(EmbeddedPersistence.JDBC_URL, "jdbc:h2:mem:blog-faces;DB_CLOSE_DELAY=-1");
        BlogFacesServer blog = start(System.getProperty("host", "127.0.0.1"), Integer.getInteger("port", 8080), database);
        Runtime.getRuntime().addShutdownHook(new Thread(blog::close, "blog-faces-shutdown"));
        System.out.println("The triggercache Faces blog is running at " + blog.url() + "  (database " + database + "; stop with Ctrl+C)");
        blog.server.join();
    }

    /**
     * Starts the blog; returns once it serves requests (the demo data seeded).
     *
     * @throws Exception if Jetty, Weld, Mojarra, Hibernate or the seeding fail to start
     */
    public static BlogFacesServer start(String host, int port, String jdbcUrl) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        // this jar's META-INF/resources (Mojarra's jar has one too: look it up beside a page of ours)
        String page = BlogFacesServer.class.getResource("/META-INF/resources/index.xhtml").toString();
        context.setBaseResource(ResourceFactory.of(context).newResource(URI.create(page.substring(0, page.length() - "index.xhtml".length()))));
        context.setInitParameter(EmbeddedPersistence.JDBC_URL, jdbcUrl);
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
        context.addServlet(new ServletHolder("home", new HomeRedirect()), "");
        server.setHandler(context);
        server.setStopAtShutdown(false);
        server.start();
        if (!context.isAvailable()) {
            server.stop();
            throw new IllegalStateException("the Faces blog did not start: its servlet context is unavailable (see the log above)");
        }
        return new BlogFacesServer(server, connector.getLocalPort());
    }

    /** {@code GET /}: the home page is a Faces view. */
    private static final class HomeRedirect extends HttpServlet {

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.sendRedirect("/index.xhtml");
        }
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    /** The address of the home page. */
    public String url() {
        return "http://localhost:" + port + "/index.xhtml";
    }

    /** Stops Jetty, which shuts down CDI, the cache engine and Hibernate. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the Faces blog did not stop cleanly", e);
        }
    }
}
