package io.triggercache.it.weld;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.Version;
import org.junit.jupiter.api.Test;

/** Guards the hibernate7 profile: the stories must run on the Hibernate the build chose, not silently on 6.6. */
class HibernateVersionTest {

    @Test
    void runningHibernate_isTheOneTheBuildSelected() {
        String expected = System.getProperty("it.expectedHibernate", "6.6.");
        assertThat(Version.getVersionString()).startsWith(expected);
    }
}
