package io.triggercache.it.wildfly;

import static io.triggercache.it.server.fresh.FreshWars.TITLE;
import static io.triggercache.it.server.fresh.FreshWars.TITLE_QUERIED;
import static io.triggercache.it.server.fresh.FreshWars.awaitClockPast;
import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.CacheStatistics;
import io.triggercache.it.blog.Post;
import io.triggercache.it.server.Counts;
import io.triggercache.it.server.Wars;
import io.triggercache.it.server.fresh.FreshEjb;
import io.triggercache.it.server.fresh.FreshReads;
import io.triggercache.it.server.fresh.FreshWars;
import io.triggercache.it.server.fresh.FreshWars.Marks;
import io.triggercache.it.server.fresh.FreshWork;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * I1 in WildFly for what a load read (issue 10, "the persistence-context case also runs on WildFly"): a JTA
 * transaction R whose container-managed persistence context already holds a post, another transaction W that
 * renames the post and commits (a {@code REQUIRES_NEW} one on R's thread, with R suspended, or one on another
 * thread while R waits), then R calls a cached method that reads the post. R sees the post as its persistence
 * context holds it; that value is returned to R and not stored, so once every transaction has ended a fresh call
 * loads W's title. Each story asserts the values and how the method's counts moved.
 */
@ExtendWith(ArquillianExtension.class)
public class WildFlyPersistenceContextSnapshotTest {

    @Inject
    FreshReads reads;
    @Inject
    FreshWork tx;
    @Inject
    FreshEjb ejb;
    @Inject
    CacheStatistics statistics;

    @Deployment
    public static WebArchive deployment() {
        return FreshWars.war("wildfly-pc-snapshot", Wars.Server.WILDFLY);
    }

    private static void rename(EntityManager em, long id, String title) {
        em.find(Post.class, id).setTitle(title);
    }

    @Test
    void heldPost_renamedByRequiresNew_readerSeesItsSnapshot_notStored() {
        long id = tx.newPost("held, requires-new");
        Marks marks = new Marks(statistics, TITLE);
        assertThat(reads.title(id)).isEqualTo("held, requires-new");            // db hit, stored

        long[] committed = new long[1];
        List<Object> inR = tx.required(em -> {
            Object r = tx.transactionKey();
            em.find(Post.class, id);                                             // R's persistence context holds the post
            Object w = tx.requiresNew(em2 -> {                                   // W, R suspended
                rename(em2, id, "renamed by W");
                return tx.transactionKey();
            });                                                                  // W committed: title(id) dropped
            committed[0] = System.currentTimeMillis();
            return List.of(r, w, reads.title(id));                               // db hit through R's managed, old post
        });

        assertThat(inR.get(0)).as("R and W are two transactions").isNotNull().isNotEqualTo(inR.get(1));
        assertThat(inR.get(2)).isEqualTo("held, requires-new");                  // R may see its own snapshot
        awaitClockPast(committed[0]);
        assertThat(reads.title(id)).isEqualTo("renamed by W");                  // db hit: R's value was not stored
        assertThat(reads.title(id)).isEqualTo("renamed by W");                  // cache hit
        assertThat(marks.since(TITLE)).isEqualTo(Counts.of(1, 3, 3).invalidations(1));
    }

    @Test
    void heldPost_renamedOnAnotherThread_queryReturnsTheManagedOldPost_notStored() {
        long id = tx.newPost("held, other thread");
        Marks marks = new Marks(statistics, TITLE_QUERIED);
        assertThat(reads.titleQueried(id)).isEqualTo("held, other thread");     // db hit, stored

        long[] committed = new long[1];
        String inR = tx.required(em -> {
            em.find(Post.class, id);                                             // R's persistence context holds the post
            tx.onAnotherThread(() -> tx.required(em2 -> {                        // W on another thread; R waits for its commit
                rename(em2, id, "renamed on another thread");
                return null;
            }));
            committed[0] = System.currentTimeMillis();
            return reads.titleQueried(id);                                       // db hit: the query reads W's row, Hibernate
        });                                                                      // returns R's managed post as it is

        assertThat(inR).isEqualTo("held, other thread");
        awaitClockPast(committed[0]);
        assertThat(reads.titleQueried(id)).isEqualTo("renamed on another thread"); // db hit: R's value was not stored
        assertThat(reads.titleQueried(id)).isEqualTo("renamed on another thread"); // cache hit
        assertThat(marks.since(TITLE_QUERIED)).isEqualTo(Counts.of(1, 3, 3).invalidations(1));
    }

    @Test
    void heldPost_renamedOnAnotherThread_findAnswersFromThePersistenceContext_notStored() {
        long id = tx.newPost("held, find, other thread");
        Marks marks = new Marks(statistics, TITLE);
        assertThat(reads.title(id)).isEqualTo("held, find, other thread");      // db hit, stored

        long[] committed = new long[1];
        List<String> inR = tx.required(em -> {
            em.find(Post.class, id);
            tx.onAnotherThread(() -> tx.required(em2 -> {
                rename(em2, id, "renamed, find");
                return null;
            }));
            committed[0] = System.currentTimeMillis();
            String first = reads.title(id);                                      // db hit (no statement: the context answers)
            String again = reads.title(id);                                      // db hit: the first was not stored
            return List.of(first, again);
        });

        assertThat(inR).containsExactly("held, find, other thread", "held, find, other thread");
        awaitClockPast(committed[0]);
        assertThat(reads.title(id)).isEqualTo("renamed, find");                 // db hit
        assertThat(reads.title(id)).isEqualTo("renamed, find");                 // cache hit
        assertThat(marks.since(TITLE)).isEqualTo(Counts.of(1, 4, 4).invalidations(1));
    }

    @Test
    void heldPost_ejbRequiresNewRenamedIt_insideAnEjbTransaction_notStored() {
        long id = tx.newPost("held, ejb");
        Marks marks = new Marks(statistics, TITLE, TITLE_QUERIED);
        assertThat(reads.title(id)).isEqualTo("held, ejb");                     // db hit, stored
        assertThat(reads.titleQueried(id)).isEqualTo("held, ejb");              // db hit, stored

        long[] committed = new long[1];
        List<String> inR = ejb.required(em -> {                                  // R: an EJB's container-managed transaction
            em.find(Post.class, id);
            ejb.requiresNew(em2 -> {                                             // W: @TransactionAttribute(REQUIRES_NEW)
                rename(em2, id, "renamed by the EJB");
                return null;
            });
            committed[0] = System.currentTimeMillis();
            return List.of(reads.title(id), reads.titleQueried(id));             // db hits through R's managed post
        });

        assertThat(inR).containsExactly("held, ejb", "held, ejb");
        awaitClockPast(committed[0]);
        assertThat(reads.title(id)).isEqualTo("renamed by the EJB");            // db hit
        assertThat(reads.titleQueried(id)).isEqualTo("renamed by the EJB");     // db hit
        assertThat(reads.title(id)).isEqualTo("renamed by the EJB");            // cache hit
        assertThat(reads.titleQueried(id)).isEqualTo("renamed by the EJB");     // cache hit
        assertThat(marks.since(TITLE)).isEqualTo(Counts.of(1, 3, 3).invalidations(1));
        assertThat(marks.since(TITLE_QUERIED)).isEqualTo(Counts.of(1, 3, 3).invalidations(1));
    }

    @Test
    void transactionThatOpenedItsViewAfterTheCommit_isStored() {
        long id = tx.newPost("before");
        Marks marks = new Marks(statistics, TITLE);
        assertThat(reads.title(id)).isEqualTo("before");                        // db hit, stored
        tx.required(em -> {
            rename(em, id, "after");
            return null;
        });                                                                      // drops title(id)
        awaitClockPast(System.currentTimeMillis());

        String inside = tx.required(em -> {
            em.find(Post.class, id);                                             // a view opened after the commit
            return reads.title(id);                                              // db hit, stored
        });

        assertThat(inside).isEqualTo("after");
        assertThat(reads.title(id)).isEqualTo("after");                         // cache hit
        assertThat(marks.since(TITLE)).isEqualTo(Counts.of(1, 2, 2).invalidations(1));
    }
}
