package io.triggercache.it.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import io.triggercache.CacheStatistics;
import io.triggercache.MethodStatistics;
import io.triggercache.it.server.BlogQueries;
import io.triggercache.it.server.BlogWriter;
import io.triggercache.it.blog.Post;
import io.triggercache.it.server.PriceChanged;
import io.triggercache.it.server.Wars;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two WARs with the same classes, the library in each, deployed side by side in one WildFly: every cached method has
 * the same name in both and the same keys (each WAR's tables live in their own schema, so their first post has the
 * same id). One story in steps, each run inside the WAR it names: neither WAR sees the other's entries, and neither's
 * writes or events drop the other's entries.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class TwoWarsSideBySideTest {

    private static final String COMMENTS = BlogQueries.class.getName() + ".comments";
    private static final String PRICE = BlogQueries.class.getName() + ".price";
    private static final long PRODUCT = 7;

    @Inject
    BlogQueries blog;
    @Inject
    BlogWriter writer;
    @Inject
    CacheStatistics statistics;
    @Inject
    Event<PriceChanged> prices;

    @Deployment(name = "a")
    public static WebArchive a() {
        return Wars.blog("two-a", Wars.Server.WILDFLY);
    }

    @Deployment(name = "b")
    public static WebArchive b() {
        return Wars.blog("two-b", Wars.Server.WILDFLY);
    }

    /** The first post of this WAR's schema, created with one comment on first use. */
    private Post firstPost(String war) {
        Long id = writer.inTransaction(em -> em.createQuery("select min(p.id) from Post p", Long.class).getSingleResult());
        if (id == null) {
            long created = writer.newPost("post of " + war, true);
            writer.addComment(created, "comment in " + war);
            id = created;
        }
        long found = id;
        return writer.inTransaction(em -> em.find(Post.class, found));
    }

    private long idInSchema(String schema) {
        return writer.inTransaction(em -> ((Number) em.createNativeQuery("select min(id) from " + schema + ".Post").getSingleResult()).longValue());
    }

    private MethodStatistics stats(String name) {
        return statistics.of(name);
    }

    @Test
    @Order(1)
    @OperateOnDeployment("a")
    void a_cachesItsComments_andAPrice() {
        BlogQueries.PRICES.put(PRODUCT, "price in a");
        assertThat(blog.comments(firstPost("a"))).containsExactly("comment in a");   // db hit
        assertThat(blog.price(PRODUCT)).isEqualTo("price in a");                     // db hit
        assertThat(stats(COMMENTS)).extracting(MethodStatistics::loads, MethodStatistics::invalidations)
                .containsExactly(1L, 1L);                                              // its own seed comment's insert
        assertThat(stats(PRICE)).extracting(MethodStatistics::loads, MethodStatistics::invalidations).containsExactly(1L, 0L);
    }

    @Test
    @Order(2)
    @OperateOnDeployment("b")
    void b_sameKeys_missesWithItsOwnData() {
        BlogQueries.PRICES.put(PRODUCT, "price in b");
        Post post = firstPost("b");
        assertThat(post.getId()).as("the same key as in a").isEqualTo(idInSchema("two_a"));
        assertThat(blog.comments(post)).containsExactly("comment in b");            // db hit: a's entry is not visible
        assertThat(blog.price(PRODUCT)).isEqualTo("price in b");                    // db hit
        assertThat(stats(COMMENTS)).extracting(MethodStatistics::hits, MethodStatistics::misses).containsExactly(0L, 1L);
        assertThat(stats(PRICE)).extracting(MethodStatistics::hits, MethodStatistics::misses).containsExactly(0L, 1L);
    }

    @Test
    @Order(3)
    @OperateOnDeployment("b")
    void b_writesAndFires_dropsOnlyItsOwnEntries() {
        Post post = firstPost("b");
        writer.addComment(post.getId(), "second in b");                             // Comment INSERT in b
        BlogQueries.PRICES.put(PRODUCT, "new price in b");
        prices.fire(new PriceChanged(PRODUCT));                                     // application event in b
        assertThat(blog.comments(post)).containsExactly("comment in b", "second in b"); // db hit
        assertThat(blog.price(PRODUCT)).isEqualTo("new price in b");                    // db hit
        assertThat(stats(COMMENTS).invalidations()).isEqualTo(2);                  // its seed comment, then this one
        assertThat(stats(PRICE).invalidations()).isEqualTo(1);
    }

    @Test
    @Order(4)
    @OperateOnDeployment("a")
    void a_stillHitsItsEntries_noInvalidationReachedIt() {
        assertThat(blog.comments(firstPost("a"))).containsExactly("comment in a");  // cache hit
        assertThat(blog.price(PRODUCT)).isEqualTo("price in a");                    // cache hit
        assertThat(stats(COMMENTS)).extracting(MethodStatistics::hits, MethodStatistics::loads, MethodStatistics::invalidations)
                .containsExactly(1L, 1L, 1L);                                          // still only its own seed's
        assertThat(stats(PRICE)).extracting(MethodStatistics::hits, MethodStatistics::loads, MethodStatistics::invalidations)
                .containsExactly(1L, 1L, 0L);
    }
}
