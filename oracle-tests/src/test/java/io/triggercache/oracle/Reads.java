package io.triggercache.oracle;

import io.triggercache.oracle.model.Author;
import io.triggercache.oracle.model.Cargo;
import io.triggercache.oracle.model.Category;
import io.triggercache.oracle.model.Post;
import io.triggercache.oracle.model.Status;
import io.triggercache.oracle.model.Zone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * The computations behind the cached methods, uncached: {@link OracleQueries} calls these through the cache, the
 * oracle calls them directly in a fresh transaction to get the truth. They read through the thread's current
 * transaction when there is one (so a persistence context that already holds an entity gives its old state, as
 * in a request-scoped service), and return values only (never entities), sorted so that equal data compare equal.
 */
@ApplicationScoped
public class Reads {

    @Inject
    OracleJpa jpa;

    public List<String> commentTexts(long postId) {
        return jpa.read(em -> em.createQuery("select c.text from Comment c where c.post.id = :p order by c.id", String.class)
                .setParameter("p", postId).getResultList());
    }

    public String postCard(long postId) {
        return jpa.read(em -> {
            Post p = em.find(Post.class, postId);
            if (p == null) {
                return "none";
            }
            String tags = p.getTags().stream().map(t -> t == null ? "(none)" : t.getLabel()).sorted().collect(Collectors.joining(","));
            String ratings = p.getRatings().stream().map(r -> r.getReviewer() + ":" + r.getStars()).sorted()
                    .collect(Collectors.joining(","));
            return p.getTitle() + "|" + p.getStatus() + "|" + p.getCategory().code() + "|"
                    + (p.getAuthor() == null ? "-" : p.getAuthor().getId()) + "|" + tags + "|" + ratings;
        });
    }

    public List<Long> postIdsByStatus(Status status) {
        return jpa.read(em -> em.createQuery("select p.id from Post p where p.status = :s order by p.id", Long.class)
                .setParameter("s", status).getResultList());
    }

    public List<Long> postIdsInCategory(Category category) {
        return jpa.read(em -> em.createQuery("select p.id from Post p where p.category = :c order by p.id", Long.class)
                .setParameter("c", category).getResultList());
    }

    public List<Long> postIdsOfAuthor(long authorId) {
        return jpa.read(em -> em.createQuery("select p.id from Post p where p.author.id = :a order by p.id", Long.class)
                .setParameter("a", authorId).getResultList());
    }

    public List<Long> latestPostIds() {
        return jpa.read(em -> em.createQuery("select p.id from Post p order by p.id desc", Long.class)
                .setMaxResults(5).getResultList());
    }

    public String authorProfile(String handle) {
        return jpa.read(em -> {
            Author a = em.unwrap(Session.class).bySimpleNaturalId(Author.class).load(handle);
            if (a == null) {
                return "none";
            }
            String nicknames = a.getNicknames().stream().sorted().collect(Collectors.joining(","));
            String contact = a.getContact() == null ? "-" : a.getContact().getEmail() + "/" + String.join(",", a.getContact().getPhones());
            return a.getDisplayName() + "|" + nicknames + "|" + contact;
        });
    }

    public List<Long> postsTagged(String code) {
        return jpa.read(em -> em.createQuery("select p.id from Post p join p.tags t where t.code = :c order by p.id", Long.class)
                .setParameter("c", code).getResultList());
    }

    public List<String> mediaCaptions(long postId) {
        return jpa.read(em -> em.createQuery("select m.caption from Media m where m.post.id = :p order by m.id", String.class)
                .setParameter("p", postId).getResultList());
    }

    public long imageCount() {
        return jpa.read(em -> em.createQuery("select count(i) from Image i", Long.class).getSingleResult());
    }

    public long balanceOf(long authorId) {
        return jpa.read(em -> em.createQuery("select coalesce(sum(a.balance), 0) from Account a where a.owner.id = :o", Long.class)
                .setParameter("o", authorId).getSingleResult());
    }

    public List<String> businessCompanies() {
        return jpa.read(em -> em.createQuery("select b.company from BusinessAccount b order by b.id", String.class).getResultList());
    }

    public List<Long> gatheringsIn(Zone zone) {
        return jpa.read(em -> em.createQuery("select g.id from Gathering g where g.zone = :z order by g.id", Long.class)
                .setParameter("z", zone).getResultList());
    }

    public List<String> meetupVenues() {
        return jpa.read(em -> em.createQuery("select m.venue from Meetup m order by m.id", String.class).getResultList());
    }

    public List<Long> cargosVia(String location) {
        return jpa.read(em -> em.createQuery("select distinct c.id from Cargo c join c.route.legs l where l.location = :l order by c.id",
                Long.class).setParameter("l", location).getResultList());
    }

    public String cargoRoute(long cargoId) {
        return jpa.read(em -> {
            Cargo c = em.find(Cargo.class, cargoId);
            if (c == null) {
                return "none";
            }
            if (c.getRoute() == null) {
                return "unrouted";
            }
            // a null leg is a gap in leg_index: two unversioned edits of one route's legs (one removing the last leg,
            // one appending) write different rows, so no row lock orders them and both commit
            return c.getRoute().getOrigin() + ">" + c.getRoute().getLegs().stream().map(l -> l == null ? "(gap)" : l.getLocation())
                    .collect(Collectors.joining(">"));
        });
    }

}
