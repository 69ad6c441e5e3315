package io.triggercache.it.faces;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Faces blog in Payara in headless Chromium: {@link FacesBrowserStories}. Part of the -Ppayara run; fails, never
 * skips, without Chromium and chromedriver.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class PayaraFacesBrowserIT {

    private static FacesBrowser browser;

    @Deployment(testable = false)
    public static WebArchive blog() {
        return FacesBlog.war();
    }

    @ArquillianResource
    URL deployed;

    @BeforeAll
    static void startBrowser() {
        browser = FacesBrowser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void secondRender_isAHit_andRunsNoSql() {
        FacesBrowserStories.secondRender_isAHit_andRunsNoSql(new FacesBlog(deployed), browser);
    }

    @Test
    void committedComment_dropsOnlyThatPostsFragment() {
        FacesBrowserStories.committedComment_dropsOnlyThatPostsFragment(new FacesBlog(deployed), browser);
    }

    @Test
    void rolledBackComment_leavesTheFragment() {
        FacesBrowserStories.rolledBackComment_leavesTheFragment(new FacesBlog(deployed), browser);
    }
}
