package io.triggercache.it.faces;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Faces blog in WildFly (its Mojarra renders {@code <tc:cache>}), driven over HTTP through its own pages and form. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class WildFlyFacesBlogIT {

    @Deployment(testable = false)
    public static WebArchive blog() {
        return FacesBlog.war();
    }

    @ArquillianResource
    URL deployed;

    @Test
    void secondRender_isAHit_andRunsNoSql() {
        FacesBlogStories.secondRender_isAHit_andRunsNoSql(new FacesBlog(deployed), true);
    }

    @Test
    void committedComment_dropsOnlyThatPostsFragment() {
        FacesBlogStories.committedComment_dropsOnlyThatPostsFragment(new FacesBlog(deployed));
    }

    @Test
    void rolledBackComment_leavesTheFragment() {
        FacesBlogStories.rolledBackComment_leavesTheFragment(new FacesBlog(deployed));
    }
}
