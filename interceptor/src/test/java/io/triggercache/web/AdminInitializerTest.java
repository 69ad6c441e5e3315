package io.triggercache.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triggercache.CacheInspector;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.annotation.ServletSecurity;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The admin endpoint is off unless enabled, and when enabled it is mapped behind its role. */
class AdminInitializerTest {

    private final Map<String, String> params = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private ServletSecurityElement security;
    private final List<String> mappings = new ArrayList<>();

    private ServletContext context() {
        ServletRegistration.Dynamic registration = (ServletRegistration.Dynamic) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ServletRegistration.Dynamic.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "setServletSecurity" -> security = (ServletSecurityElement) a[0];
                        case "addMapping" -> mappings.addAll(List.of((String[]) a[0]));
                        default -> { }
                    }
                    return m.getReturnType() == Set.class ? Set.of() : null;
                });
        return (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServletContext.class},
                (p, m, a) -> {
                    calls.add(m.getName());
                    return switch (m.getName()) {
                        case "getInitParameter" -> params.get((String) a[0]);
                        case "addServlet" -> registration;
                        case "getContextPath" -> "/app";
                        default -> null;
                    };
                });
    }

    @Test
    void withoutTheContextParameter_nothingIsRegistered() {
        new AdminInitializer().onStartup(Set.of(), context());
        assertThat(calls).doesNotContain("addServlet", "declareRoles");

        params.put(AdminInitializer.ENABLED, "no");
        new AdminInitializer().onStartup(Set.of(), context());
        assertThat(calls).doesNotContain("addServlet");
    }

    @Test
    void enabled_isMappedBehindTheDefaultRole() {
        params.put(AdminInitializer.ENABLED, "true");
        new AdminInitializer().onStartup(Set.of(), context());

        assertThat(mappings).containsExactly("/triggercache/*");
        assertThat(security.getRolesAllowed()).containsExactly("triggercache-admin");
        assertThat(security.getEmptyRoleSemantic()).isEqualTo(ServletSecurity.EmptyRoleSemantic.PERMIT);
        assertThat(calls).contains("declareRoles");
    }

    @Test
    void pathAndRole_canBeChosen() {
        params.put(AdminInitializer.ENABLED, "TRUE");
        params.put(AdminInitializer.PATH, "/ops/cache/*");
        params.put(AdminInitializer.ROLE, "ops");
        new AdminInitializer().onStartup(Set.of(), context());

        assertThat(mappings).containsExactly("/ops/cache/*");
        assertThat(security.getRolesAllowed()).containsExactly("ops");
    }

    @Test
    void explainArguments_areConvertedToTheParameterTypes_orRefusedClearly() {
        CacheInspector.MethodInfo info = new CacheInspector.MethodInfo("shop.price", "shop.price", List.of("#0"), List.of("#0", "#1"),
                List.of(), Optional.empty(), "DEFAULT", "embedded", List.of("long", "java.lang.String"));
        assertThat(AdminServlet.convert(info, new String[] {" 42", "eur"})).containsExactly(42L, "eur");
        assertThatThrownBy(() -> AdminServlet.convert(info, new String[] {"x", "eur"}))
                .hasMessageStartingWith("argument #0 of shop.price (\"x\") is not a long");
        assertThatThrownBy(() -> AdminServlet.convert(info, new String[] {"1"}))
                .hasMessage("shop.price takes 2 argument(s) [long, java.lang.String] but 1 were given");

        CacheInspector.MethodInfo entity = new CacheInspector.MethodInfo("blog.comments", "blog.comments", List.of("post.id"),
                List.of("post.id"), List.of(), Optional.empty(), "DEFAULT", "embedded", List.of(AdminInitializerTest.class.getName()));
        assertThatThrownBy(() -> AdminServlet.convert(entity, new String[] {"42"}))
                .hasMessageContaining("which the endpoint cannot build from text; call CacheInspector.explain from code");
    }

    @Test
    void html_isEscaped() {
        assertThat(AdminServlet.esc("<b a=\"1\">&'")).isEqualTo("&lt;b a=&quot;1&quot;&gt;&amp;&#39;");
    }
}
