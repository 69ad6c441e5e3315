package io.triggercache.web;

import jakarta.servlet.HttpConstraintElement;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.annotation.ServletSecurity;
import java.util.Set;

/**
 * Registers the {@link AdminServlet} when the web application asks for it, and only then:
 *
 * <pre>{@code
 * <context-param><param-name>triggercache.admin</param-name><param-value>true</param-value></context-param>
 * <!-- optional: -->
 * <context-param><param-name>triggercache.admin.path</param-name><param-value>/triggercache/*</param-value></context-param>
 * <context-param><param-name>triggercache.admin.role</param-name><param-value>triggercache-admin</param-value></context-param>
 * }</pre>
 *
 * Every request must come from an authenticated user in the role (a security constraint on the mapping, declared
 * here; the application configures how users log in, as for any protected resource). A request without it is
 * refused by the container (401 or 403), and so is every request if the application configures no login.
 */
public final class AdminInitializer implements ServletContainerInitializer {

    /** The context parameter that enables the endpoint. */
    public static final String ENABLED = "triggercache.admin";
    /** The context parameter naming the URL pattern. Default {@value #DEFAULT_PATH}. */
    public static final String PATH = "triggercache.admin.path";
    /** The context parameter naming the role allowed in. Default {@value #DEFAULT_ROLE}. */
    public static final String ROLE = "triggercache.admin.role";
    public static final String DEFAULT_PATH = "/triggercache/*";
    public static final String DEFAULT_ROLE = "triggercache-admin";

    private static final System.Logger LOG = System.getLogger("io.triggercache");

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        if (!"true".equalsIgnoreCase(String.valueOf(context.getInitParameter(ENABLED)).trim())) {
            return;
        }
        String path = orDefault(context.getInitParameter(PATH), DEFAULT_PATH);
        String role = orDefault(context.getInitParameter(ROLE), DEFAULT_ROLE);
        ServletRegistration.Dynamic admin = context.addServlet("triggercache-admin", AdminServlet.class);
        if (admin == null) {
            LOG.log(System.Logger.Level.ERROR, "TRIGGERCACHE-050 the admin endpoint is enabled but a servlet named "
                    + "triggercache-admin is already declared in " + context.getContextPath() + "; remove it, the library registers its own");
            return;
        }
        context.declareRoles(role);
        admin.setServletSecurity(new ServletSecurityElement(
                new HttpConstraintElement(ServletSecurity.TransportGuarantee.NONE, role)));
        admin.addMapping(path);
        LOG.log(System.Logger.Level.INFO, "TRIGGERCACHE-050 admin endpoint at " + context.getContextPath()
                + path.replace("/*", "/") + " for users in role " + role);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
