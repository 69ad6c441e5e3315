package io.triggercache.it.wildfly;

import static io.triggercache.it.server.fresh.FreshWars.TITLE;
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
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * I2 across suspended JTA transactions in WildFly (issue 10): {@code @Transactional(REQUIRES_NEW)},
 * {@code @Transactional(NOT_SUPPORTED)} and the EJB {@code REQUIRES_NEW} and {@code NOT_SUPPORTED} attributes, on the
 * container's transaction-scoped persistence contexts. The read barrier flushes only the current transaction's
 * session, and only the current transaction's pending changes decide its bypasses: a suspended outer transaction's
 * changes, flushed or not, never make an inner call bypass (nor get flushed by it), and an inner transaction's
 * changes never make the outer one bypass once it has ended; its commit drops the group and the outer one reads
 * fresh. Each story asserts values and how the method's counts moved after every transaction has ended.
 */
@ExtendWith(ArquillianExtension.class)
public class WildFlySuspendedTransactionsTest {

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
        return FreshWars.war("wildfly-suspended", Wars.Server.WILDFLY);
    }

    private static void rename(EntityManager em, long id, String title) {
        em.find(Post.class, id).setTitle(title);
    }

    private static boolean dirty(EntityManager em) {
        return em.unwrap(Session.class).isDirty();
    }

    private String titleInDatabase(long id) {
        return tx.requiresNew(em -> em.find(Post.class, id).getTitle());
    }

    @Test
    void outerUnflushedChange_requiresNewInner_neitherFlushesItNorBypasses_cdi() {
        long id = tx.newPost("outer unflushed");
        Marks marks = new Marks(statistics, TITLE);
        assertThat(reads.title(id)).isEqualTo("outer unflushed");               // db hit, stored

        List<Object> seen = tx.required(em -> {
            rename(em, id, "outer, renamed");                                    // pending in the outer session, not flushed
            Object outer = tx.transactionKey();
            List<Object> inner = tx.requiresNew(em2 -> List.of(tx.transactionKey(), reads.title(id))); // cache hit
            boolean stillDirty = dirty(em);                                      // the inner read flushed nothing of the outer
            String own = reads.title(id);                                        // bypass: the outer's own change
            return List.of(outer, inner.get(0), inner.get(1), stillDirty, own);
        });                                                                      // the outer commit drops title(id)
        awaitClockPast(System.currentTimeMillis());

        assertThat(seen.get(0)).as("outer and inner are two transactions").isNotNull().isNotEqualTo(seen.get(1));
        assertThat(seen.get(2)).isEqualTo("outer unflushed");
        assertThat(seen.get(3)).as("outer session still dirty after the inner read").isEqualTo(true);
        assertThat(seen.get(4)).isEqualTo("outer, renamed");
        assertThat(reads.title(id)).isEqualTo("outer, renamed");                // db hit: the outer commit dropped it
        assertThat(reads.title(id)).isEqualTo("outer, renamed");                // cache hit
        assertThat(marks.since(TITLE)).isEqualTo(Counts.of(2, 2, 2).invalidations(1).bypasses(1));
    }

    @Test
    void outerFlushedChange_requiresNewInner_loadsCommittedDataAndStoresIt_theOuterCommitDropsIt_cdi() {
        long id = tx.newPost("outer flushed");
        Marks marks = new Marks(statistics, TITLE);

        List<String> seen = tx.required(em -> {
            rename(em, id, "outer, flushed");
            em.flush();                                                          // a pending change the engine knows of
            List<String> inner = tx.requiresNew(em2 -> List.of(
                    reads.title(id),                                             // db hit: no bypass, the committed title, stored
                    reads.title(id)));                                           // cache hit
            List<String> all = new ArrayList<>(inner);
            all.add(reads.title(id));                                            // bypass: the outer's own change
            return all;
        });                                                                      // the outer commit drops title(id)
        awaitClockPast(System.currentTimeMillis());

        assertThat(seen).containsExactly("outer flushed", "outer flushed", "outer, flushed");
        assertThat(reads.title(id)).isEqualTo("outer, flushed");                // db hit: the outer commit dropped the inner's entry
        assertThat(reads.title(id)).isEqualTo("outer, flushed");                // cache hit
        assertThat(marks.since(TITLE)).isEqualTo(Counts.of(2, 2, 2).invalidations(1).bypasses(1));
    }

    @Test
    void innerRequiresNewChange_bypassesOnlyInside_theOuterReadsFreshAfterItsCommit_cdi() {
        long id = tx.newPost("inner change");
        Marks marks = new Marks(statistics, TITLE);
        assertThat(reads.title(id)).isEqualTo("inner change");                  // db hit, stored

        List<String> seen = tx.required(em -> {
            String inner = tx.requiresNew(em2 -> {
                rename(em2, id, "inner, renamed");
                return reads.title(id);                                          // bypass: the inner's own change (flushed by the barrier)
            });                                                                  // the inner commit drops title(id)
            awaitClockPast(System.currentTimeMillis());                          // the outer's view opens after that drop
            return List.of(inner,
                    reads.title(id),                                             // db hit: no bypass, fresh, stored
                    reads.title(id));                                            // cache hit
        });

        assertThat(seen).containsExactly("inner, renamed", "inner, renamed", "inner, renamed");
        assertThat(reads.title(id)).isEqualTo("inner, renamed");                // cache hit
        assertThat(marks.since(TITLE)).isEqualTo(Counts.of(2, 2, 2).invalidations(1).bypasses(1));
    }

    @Test
    void innerRequiresNewRolledBack_theOuterNeitherBypassesNorLosesTheEntry_cdi() {
        long id = tx.newPost("inner rollback");
        Marks marks = new Marks(statistics, TITLE);
        assertThat(reads.title(id)).isEqualTo("inner rollback");                // db hit, stored

        List<String> seen = tx.required(em -> {
            String inner = tx.requiresNewThenRollbackOnly(em2 -> {
                rename(em2, id, "never committed");
                return reads.title(id);                                          // bypass: the inner's own change
            });
            return List.of(inner, reads.title(id));                              // cache hit: nothing was dropped
        });

        assertThat(seen).containsExactly("never committed", "inner rollback");
        assertThat(reads.title(id)).isEqualTo("inner rollback");                // cache hit
        assertThat(titleInDatabase(id)).isEqualTo("inner rollback");
        assertThat(marks.since(TITLE)).isEqualTo(Counts.of(2, 1, 1).bypasses(1));
    }

    @Test
    void notSupportedRead_insideATransactionWithPendingChanges_neitherFlushesNorBypasses_cdi() {
        long unflushed = tx.newPost("not supported, unflushed");
        long flushed = tx.newPost("not supported, flushed");
        long cold = tx.newPost("not supported, cold");
        Marks marks = new Marks(statistics, TITLE);
        assertThat(reads.title(unflushed)).isEqualTo("not supported, unflushed"); // db hit, stored
        assertThat(reads.title(flushed)).isEqualTo("not supported, flushed");     // db hit, stored

        List<Object> seen = tx.required(em -> {
            rename(em, flushed, "flushed, renamed");
            rename(em, cold, "cold, renamed");
            em.flush();                                                          // two pending changes the engine knows of
            rename(em, unflushed, "unflushed, renamed");                         // and one it does not yet
            List<Object> outside = tx.notSupported(em2 -> List.of(
                    tx.transactionKey() == null,
                    reads.title(unflushed),                                      // cache hit
                    reads.title(flushed),                                        // cache hit: not this call's change
                    reads.title(cold)));                                         // db hit: the committed title, stored
            List<Object> all = new ArrayList<>(outside);
            all.add(dirty(em));                                                  // the call outside flushed nothing of this one
            all.add(reads.title(unflushed));                                     // bypass: flushed now, this transaction's own
            all.add(reads.title(flushed));                                       // bypass
            all.add(reads.title(cold));                                          // bypass
            return all;
        });                                                                      // the commit drops the three groups
        awaitClockPast(System.currentTimeMillis());

        assertThat(seen).containsExactly(true, "not supported, unflushed", "not supported, flushed", "not supported, cold",
                true, "unflushed, renamed", "flushed, renamed", "cold, renamed");
        assertThat(reads.title(unflushed)).isEqualTo("unflushed, renamed");     // db hit: the commit dropped all three
        assertThat(reads.title(flushed)).isEqualTo("flushed, renamed");         // db hit
        assertThat(reads.title(cold)).isEqualTo("cold, renamed");               // db hit: the entry stored outside was dropped
        assertThat(reads.title(cold)).isEqualTo("cold, renamed");               // cache hit
        assertThat(marks.since(TITLE)).isEqualTo(Counts.of(3, 6, 6).invalidations(3).bypasses(3));
    }

    @Test
    void notSupportedRead_thenTheTransactionReadsAgain_seesItsOwnUnflushedChange_cdi() {
        long id = tx.newPost("not supported, own change");
        Marks marks = new Marks(statistics, TITLE);
        assertThat(reads.title(id)).isEqualTo("not supported, own change");     // db hit, stored

        List<Object> seen = tx.required(em -> {
            rename(em, id, "own change, renamed");                               // this transaction's only change, unflushed
            String outside = tx.notSupported(em2 -> reads.title(id));            // cache hit: no transaction, nothing flushed
            boolean stillDirty = dirty(em);
            return List.of(outside, stillDirty, reads.title(id));                // bypass: the barrier flushes the change now
        });                                                                      // the commit drops title(id)
        awaitClockPast(System.currentTimeMillis());

        assertThat(seen).containsExactly("not supported, own change", true, "own change, renamed");
        assertThat(reads.title(id)).isEqualTo("own change, renamed");           // db hit
        assertThat(reads.title(id)).isEqualTo("own change, renamed");           // cache hit
        assertThat(marks.since(TITLE)).isEqualTo(Counts.of(2, 2, 2).invalidations(1).bypasses(1));
    }

    @Test
    void ejbRequiresNew_outerAndInnerDecideOnlyTheirOwnBypasses() {
        long outerPost = tx.newPost("ejb outer");
        long innerPost = tx.newPost("ejb inner");
        Marks marks = new Marks(statistics, TITLE);
        assertThat(reads.title(outerPost)).isEqualTo("ejb outer");              // db hit, stored
        assertThat(reads.title(innerPost)).isEqualTo("ejb inner");              // db hit, stored

        List<Object> seen = ejb.required(em -> {                                 // T1: EJB REQUIRED
            rename(em, outerPost, "ejb outer, renamed");
            em.flush();                                                          // T1's pending change
            List<Object> r = new ArrayList<>(ejb.requiresNew(em2 -> {            // T2: EJB REQUIRES_NEW, T1 suspended
                List<Object> t2 = new ArrayList<>();
                t2.add(reads.title(outerPost));                                  // cache hit: T1's change is not T2's
                rename(em2, innerPost, "ejb inner, renamed");                    // T2's change, unflushed
                t2.add(reads.title(innerPost));                                  // bypass: T2's own change, flushed by the barrier
                return t2;
            }));                                                                 // T2 commits: drops title(innerPost)
            r.add(reads.title(outerPost));                                       // bypass: T1's own change
            r.add(reads.title(innerPost));                                       // bypass: T1's change is pending on this
            return r;                                                            // method (a pending change bypasses the method)
        });                                                                      // T1 commits: drops title(outerPost)
        awaitClockPast(System.currentTimeMillis());

        assertThat(seen).containsExactly("ejb outer", "ejb inner, renamed", "ejb outer, renamed", "ejb inner, renamed");
        assertThat(reads.title(outerPost)).isEqualTo("ejb outer, renamed");     // db hit
        assertThat(reads.title(innerPost)).isEqualTo("ejb inner, renamed");     // db hit: T2's commit dropped it
        assertThat(reads.title(outerPost)).isEqualTo("ejb outer, renamed");     // cache hit
        assertThat(reads.title(innerPost)).isEqualTo("ejb inner, renamed");     // cache hit
        assertThat(marks.since(TITLE)).isEqualTo(Counts.of(3, 4, 4).invalidations(2).bypasses(3));
    }

    @Test
    void ejbRequiresNewChange_bypassesOnlyInside_theOuterEjbTransactionReadsFreshAfterItsCommit() {
        long id = tx.newPost("ejb inner change");
        Marks marks = new Marks(statistics, TITLE);
        assertThat(reads.title(id)).isEqualTo("ejb inner change");              // db hit, stored

        List<String> seen = ejb.required(em -> {                                 // T1: EJB REQUIRED, no change of its own
            String inner = ejb.requiresNew(em2 -> {                              // T2: EJB REQUIRES_NEW
                rename(em2, id, "ejb inner change, renamed");
                return reads.title(id);                                          // bypass: T2's own change
            });                                                                  // T2 commits: drops title(id)
            awaitClockPast(System.currentTimeMillis());                          // T1's view opens after that drop
            return List.of(inner,
                    reads.title(id),                                             // db hit: no bypass, fresh, stored
                    reads.title(id));                                            // cache hit
        });

        assertThat(seen).containsExactly("ejb inner change, renamed", "ejb inner change, renamed", "ejb inner change, renamed");
        assertThat(reads.title(id)).isEqualTo("ejb inner change, renamed");     // cache hit
        assertThat(marks.since(TITLE)).isEqualTo(Counts.of(2, 2, 2).invalidations(1).bypasses(1));
    }

    @Test
    void ejbRequiresNewRolledBack_theOuterNeitherBypassesNorLosesTheEntry() {
        long id = tx.newPost("ejb rollback");
        Marks marks = new Marks(statistics, TITLE);
        assertThat(reads.title(id)).isEqualTo("ejb rollback");                  // db hit, stored

        List<String> seen = ejb.required(em -> List.of(
                ejb.requiresNewThenRollback(em2 -> {
                    rename(em2, id, "never committed");
                    return reads.title(id);                                      // bypass: the inner's own change
                }),
                reads.title(id)));                                               // cache hit: nothing was dropped

        assertThat(seen).containsExactly("never committed", "ejb rollback");
        assertThat(reads.title(id)).isEqualTo("ejb rollback");                  // cache hit
        assertThat(titleInDatabase(id)).isEqualTo("ejb rollback");
        assertThat(marks.since(TITLE)).isEqualTo(Counts.of(2, 1, 1).bypasses(1));
    }

    @Test
    void ejbNotSupportedRead_insideATransaction_flushesNothing_andTheTransactionStillSeesItsOwnChange() {
        long flushed = tx.newPost("ejb not supported, flushed");
        long unflushed = tx.newPost("ejb not supported, unflushed");
        Marks marks = new Marks(statistics, TITLE);
        assertThat(reads.title(flushed)).isEqualTo("ejb not supported, flushed");     // db hit, stored
        assertThat(reads.title(unflushed)).isEqualTo("ejb not supported, unflushed"); // db hit, stored

        List<Object> seen = ejb.required(em -> {                                 // T1: EJB REQUIRED
            rename(em, flushed, "flushed, renamed");
            em.flush();                                                          // a pending change the engine knows of
            List<Object> r = new ArrayList<>(ejb.requiresNew(em2 -> {            // T2: EJB REQUIRES_NEW
                rename(em2, unflushed, "unflushed, renamed");                    // T2's only change, unflushed
                List<Object> t2 = new ArrayList<>(ejb.notSupported(em3 -> List.of( // no transaction: T1 and T2 suspended
                        reads.title(flushed),                                    // cache hit: T1's change is not this call's
                        reads.title(unflushed))));                               // cache hit: T2's change is not this call's
                t2.add(dirty(em2));                                              // the call outside flushed nothing of T2
                t2.add(reads.title(unflushed));                                  // bypass: T2's own change, flushed now
                return t2;
            }));                                                                 // T2 commits: drops title(unflushed)
            r.add(reads.title(flushed));                                         // bypass: T1's own change
            return r;
        });                                                                      // T1 commits: drops title(flushed)
        awaitClockPast(System.currentTimeMillis());

        assertThat(seen).containsExactly("ejb not supported, flushed", "ejb not supported, unflushed", true, "unflushed, renamed",
                "flushed, renamed");
        assertThat(reads.title(flushed)).isEqualTo("flushed, renamed");         // db hit
        assertThat(reads.title(unflushed)).isEqualTo("unflushed, renamed");     // db hit
        assertThat(reads.title(flushed)).isEqualTo("flushed, renamed");         // cache hit
        assertThat(reads.title(unflushed)).isEqualTo("unflushed, renamed");     // cache hit
        assertThat(marks.since(TITLE)).isEqualTo(Counts.of(4, 4, 4).invalidations(2).bypasses(2));
    }
}
