package io.triggercache.example.blog.web;

import io.triggercache.example.blog.service.DemoData;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Seeds the demo data when the web application starts, before it serves a request.
 *
 * <p>A servlet context listener rather than an observer of {@code @Initialized(ApplicationScoped.class)}: Payara
 * fires that event while it deploys, before the application's naming context is ready, so the container's
 * persistence context cannot be injected then ({@code Lookup failed for 'java:comp/env/...'}). A listener runs
 * when the application is set up, on every server and on embedded Jetty.
 */
@WebListener
public class DemoDataListener implements ServletContextListener {

    @Inject
    DemoData demoData;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        demoData.seedIfEmpty();
    }
}
