package io.triggercache.example.blog.embedded;

import io.triggercache.example.blog.web.DemoDataListener;
import io.triggercache.example.blog.web.HomeServlet;
import io.triggercache.example.blog.web.PostServlet;
import io.triggercache.example.blog.web.StatsServlet;
import io.triggercache.example.blog.web.TagServlet;
import io.triggercache.web.AdminInitializer;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.EventListener;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.jetty.ee10.cdi.CdiDecoratingListener;
import org.eclipse.jetty.ee10.cdi.CdiServletContainerInitializer;
import org.eclipse.jetty.ee10.servlet.ListenerHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.security.Credential;
import org.eclipse.jetty.server.ServerConnector;
import org.jboss.weld.environment.servlet.EnhancedListener;

/**
 * Runs the blog on embedded Jetty 12 (Servlet 6.0) with Weld as the CDI container:
 * {@code java -jar target/blog.jar}.
 *
 * <p>System properties: {@code port} (default 8080; 0 picks a free one), {@code host} (default
 * {@code 127.0.0.1}), {@code blog.jdbc-url} (default an H2 database file under {@code target/data/}, so
 * posts survive a restart; {@code jdbc:h2:mem:blog;DB_CLOSE_DELAY=-1} for a fresh one each start),
 * {@code blog.show-sql} (print Hibernate's SQL), {@code blog.admin-password} (the password of the user {@code admin}
 * of the library's admin endpoint at {@code /triggercache/}; default a random one, printed at start).
 *
 * <p>The servlets and the listener are the ones a WAR registers through their {@code @WebServlet} and
 * {@code @WebListener} annotations; here they are added from those annotations, since a plain servlet context
 * does not scan for them.
 */
public final class BlogServer implements AutoCloseable {

    /** The servlets of the application. */
    static final List<Class<? extends HttpServlet>> SERVLETS = List.of(HomeServlet.class, PostServlet.class,
            TagServlet.class, StatsServlet.class);

    /** The servlet context listeners of the application: the demo data's. */
    static final List<Class<? extends EventListener>> LISTENERS = List.of(DemoDataListener.class);

    /** The user of the admin endpoint. */
    public static final String ADMIN_USER = "admin";

    private final Server server;
    private final int port;
    private final String adminPassword;

    private BlogServer(Server server, int port, String adminPassword) {
        this.server = server;
        this.port = port;
        this.adminPassword = adminPassword;
    }

    /** Starts the blog with the settings from the system properties and waits until it is stopped. */
    public static void main(String[] args) throws Exception {
        int port = Integer.getInteger("port", 8080);
        String host = System.getProperty("host", "127.0.0.1");
        String database = System.getProperty(EmbeddedPersistence.JDBC_URL, defaultDatabase());
        BlogServer blog = start(host, port, database);
        Runtime.getRuntime().addShutdownHook(new Thread(blog::close, "blog-shutdown"));
        System.out.println("The cache's admin endpoint: " + blog.url() + "triggercache/  (user " + ADMIN_USER + ", password "
                + blog.adminPassword() + ")");
        System.out.println("The triggercache blog is running at " + blog.url() + "  (database " + database
                + "; stop with Ctrl+C)");
        blog.server.join();
    }

    /**
     * Starts the blog; returns once it serves requests (the demo data seeded).
     *
     * @param host     the address to listen on
     * @param port     the port, or 0 for a free one
     * @param jdbcUrl  the H2 database
     * @throws Exception if Jetty, Weld, Hibernate or the seeding fail to start
     */
    public static BlogServer start(String host, int port, String jdbcUrl) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SECURITY);
        context.setContextPath("/");
        String adminPassword = System.getProperty("blog.admin-password", randomPassword());
        protectAdmin(context, adminPassword);
        context.setInitParameter(EmbeddedPersistence.JDBC_URL, jdbcUrl);
        // Jetty decorates the servlets it creates through Weld, so @Inject works in them as in a server
        context.setInitParameter(CdiServletContainerInitializer.CDI_INTEGRATION_ATTRIBUTE, CdiDecoratingListener.MODE);
        context.addServletContainerInitializer(new CdiServletContainerInitializer());
        context.addServletContainerInitializer(new EnhancedListener());
        for (Class<? extends HttpServlet> servlet : SERVLETS) {
            WebServlet mapping = servlet.getAnnotation(WebServlet.class);
            for (String pattern : mapping.urlPatterns()) {
                context.addServlet(servlet, pattern);
            }
        }
        for (Class<? extends EventListener> listener : LISTENERS) {
            // created by the context from the class, so that Weld injects it like the servlets
            context.getServletHandler().addListener(new ListenerHolder(listener));
        }
        server.setHandler(context);
        server.setStopAtShutdown(false);
        server.start();
        if (!context.isAvailable()) {
            server.stop();
            throw new IllegalStateException("the blog did not start: its servlet context is unavailable (see the log above)");
        }
        return new BlogServer(server, connector.getLocalPort(), adminPassword);
    }

    /**
     * Turns on the library's admin endpoint ({@code /triggercache/}), behind HTTP Basic authentication with one user,
     * {@value #ADMIN_USER}, in the endpoint's role. A server does the same with its own users and realm
     * (see the WAR's {@code web.xml}).
     */
    private static void protectAdmin(ServletContextHandler context, String password) {
        context.setInitParameter(AdminInitializer.ENABLED, "true");
        UserStore users = new UserStore();
        users.addUser(ADMIN_USER, Credential.getCredential(password), new String[] {AdminInitializer.DEFAULT_ROLE});
        HashLoginService login = new HashLoginService("triggercache");
        login.setUserStore(users);
        ConstraintSecurityHandler security = (ConstraintSecurityHandler) context.getSecurityHandler();
        security.setLoginService(login);
        security.setAuthenticator(new BasicAuthenticator());
        security.setRealmName("triggercache");
        // the endpoint declares its constraint (ServletRegistration.setServletSecurity), which a server applies; Jetty's
        // plain servlet context applies it only to constraints known when its security handler starts, so say it here too
        Constraint admin = new Constraint.Builder().name("triggercache-admin").authorization(Constraint.Authorization.SPECIFIC_ROLE)
                .roles(AdminInitializer.DEFAULT_ROLE).build();
        ConstraintMapping mapping = new ConstraintMapping();
        mapping.setPathSpec(AdminInitializer.DEFAULT_PATH);
        mapping.setConstraint(admin);
        security.addConstraintMapping(mapping);
        context.addServletContainerInitializer(new AdminInitializer());
    }

    private static String randomPassword() {
        byte[] bytes = new byte[8];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The password of the admin endpoint's user {@value #ADMIN_USER}. */
    public String adminPassword() {
        return adminPassword;
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    /** The address of the home page. */
    public String url() {
        return "http://localhost:" + port + "/";
    }

    /** Stops Jetty, which shuts down CDI, the cache engine and Hibernate. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the blog did not stop cleanly", e);
        }
    }

    /** An H2 file beside the application's jar (or classes), under the build's {@code target/data/}. */
    private static String defaultDatabase() throws URISyntaxException {
        Path code = Path.of(BlogServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path target = code.getParent();
        return "jdbc:h2:file:" + target.resolve("data").resolve("blog").toAbsolutePath();
    }
}
