package io.triggercache.oracle;

import io.triggercache.oracle.model.Account;
import io.triggercache.oracle.model.Author;
import io.triggercache.oracle.model.BusinessAccount;
import io.triggercache.oracle.model.Cargo;
import io.triggercache.oracle.model.Category;
import io.triggercache.oracle.model.Comment;
import io.triggercache.oracle.model.ContactCard;
import io.triggercache.oracle.model.Gathering;
import io.triggercache.oracle.model.Image;
import io.triggercache.oracle.model.Leg;
import io.triggercache.oracle.model.Media;
import io.triggercache.oracle.model.Meetup;
import io.triggercache.oracle.model.PersonalAccount;
import io.triggercache.oracle.model.Post;
import io.triggercache.oracle.model.Rating;
import io.triggercache.oracle.model.Route;
import io.triggercache.oracle.model.Status;
import io.triggercache.oracle.model.Tag;
import io.triggercache.oracle.model.Video;
import io.triggercache.oracle.model.Webinar;
import io.triggercache.oracle.model.Zone;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The oracle's data and the small key spaces its operations and reads draw from: few posts, authors, tags,
 * categories, zones and locations, so that writers and readers meet on the same groups all the time.
 */
final class World {

    static final int POSTS = 12;
    static final int AUTHORS = 6;
    static final int TAGS = 6;
    static final int CARGOS = 8;
    static final List<Category> CATEGORIES = List.of(new Category("news"), new Category("tech"), new Category("life"), new Category("misc"));
    static final List<String> LOCATIONS = List.of("SEGOT", "CNHKG", "USNYC", "NLRTM", "JPTYO", "DEHAM");
    static final List<String> VENUES = List.of("hall", "cafe", "library", "garage");

    final OracleJpa jpa;
    final OracleQueries queries;
    private final AtomicLong ids = new AtomicLong(10_000);

    World(OracleJpa jpa, OracleQueries queries) {
        this.jpa = jpa;
        this.queries = queries;
    }

    long newId() {
        return ids.incrementAndGet();
    }

    static String handle(int i) {
        return "a" + i;
    }

    static String tagCode(int i) {
        return "t" + i;
    }

    static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    static <T extends Enum<T>> T pick(Random r, Class<T> type) {
        T[] values = type.getEnumConstants();
        return values[r.nextInt(values.length)];
    }

    static long postId(Random r) {
        return 1 + r.nextInt(POSTS);
    }

    static long authorId(Random r) {
        return 1 + r.nextInt(AUTHORS);
    }

    static long tagId(Random r) {
        return 1 + r.nextInt(TAGS);
    }

    static long cargoId(Random r) {
        return 1 + r.nextInt(CARGOS);
    }

    static List<Leg> legs(Random r) {
        List<Leg> legs = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            legs.add(new Leg(pick(r, LOCATIONS), i + 1));
        }
        return legs;
    }

    static List<String> phones(Random r) {
        List<String> phones = new ArrayList<>();
        int n = r.nextInt(3);
        for (int i = 0; i < n; i++) {
            phones.add("+46-" + r.nextInt(100));
        }
        return phones;
    }

    static Set<String> nicknames(Random r) {
        Set<String> n = new HashSet<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            n.add("nick" + r.nextInt(10));
        }
        return n;
    }

    static List<Rating> ratings(Random r) {
        List<Rating> ratings = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            ratings.add(new Rating("rev" + r.nextInt(5), 1 + r.nextInt(5)));
        }
        return ratings;
    }

    /** A random existing post, or {@code null}. */
    static Post post(EntityManager em, Random r) {
        return em.find(Post.class, postId(r));
    }

    /** A random existing post other than {@code not}, or {@code null}. */
    static Post otherPost(EntityManager em, Random r, Post not) {
        List<Long> ids = em.createQuery("select p.id from Post p where p.id <> :n", Long.class)
                .setParameter("n", not == null ? -1L : not.getId()).getResultList();
        return ids.isEmpty() ? null : em.find(Post.class, pick(r, ids));
    }

    /** A random existing comment id, or {@code null}. */
    static Long commentId(EntityManager em, Random r) {
        List<Long> ids = em.createQuery("select c.id from Comment c where c.post.id = :p", Long.class)
                .setParameter("p", postId(r)).getResultList();
        return ids.isEmpty() ? null : pick(r, ids);
    }

    static <T> T any(EntityManager em, Random r, Class<T> type, String idQuery) {
        List<Long> ids = em.createQuery(idQuery, Long.class).getResultList();
        return ids.isEmpty() ? null : em.find(type, pick(r, ids));
    }

    /** The initial data: every post, author, tag, cargo and some of everything else. */
    void seed(Random r) {
        jpa.tx(em -> {
            List<Author> authors = new ArrayList<>();
            for (int i = 1; i <= AUTHORS; i++) {
                Author a = new Author(i, handle(i), "Author " + i, new ContactCard("a" + i + "@example.org", phones(r)));
                a.getNicknames().addAll(nicknames(r));
                em.persist(a);
                authors.add(a);
            }
            List<Tag> tags = new ArrayList<>();
            for (int i = 1; i <= TAGS; i++) {
                Tag t = new Tag(i, tagCode(i), "label" + i);
                em.persist(t);
                tags.add(t);
            }
            for (int i = 1; i <= POSTS - 2; i++) {
                Post p = newPost(i, r, pick(r, authors), tags);
                em.persist(p);
                em.persist(new Image(newId(), "img" + i, p, 100 + i));
                if (i % 2 == 0) {
                    em.persist(new Video(newId(), "vid" + i, p, 10 + i));
                }
            }
            for (int i = 1; i <= AUTHORS; i++) {
                Author a = authors.get(i - 1);
                em.persist(new PersonalAccount(newId(), r.nextInt(100), a, "pa" + i));
                if (i % 2 == 1) {
                    em.persist(new BusinessAccount(newId(), r.nextInt(1000), a, "co" + i));
                }
            }
            for (int i = 0; i < 8; i++) {
                Gathering g = i % 2 == 0 ? new Webinar(newId(), "web" + i, pick(r, Zone.class), "https://w/" + i)
                        : new Meetup(newId(), "meet" + i, pick(r, Zone.class), pick(r, VENUES));
                em.persist(g);
            }
            for (int i = 1; i <= CARGOS - 2; i++) {
                em.persist(new Cargo(i, "TRK" + i, new Route(pick(r, LOCATIONS), legs(r))));
            }
            return null;
        });
    }

    Post newPost(long id, Random r, Author author, List<Tag> tags) {
        Post p = new Post(id, "title" + r.nextInt(1000), pick(r, Status.class), pick(r, CATEGORIES), author);
        for (int c = r.nextInt(3); c > 0; c--) {
            p.getComments().add(new Comment(newId(), "c" + r.nextInt(1000), p));
        }
        for (int t = r.nextInt(3); t > 0; t--) {
            p.getTags().add(pick(r, tags));
        }
        p.getRatings().addAll(ratings(r));
        return p;
    }

    /** Some cached reads inside a writing transaction (they must bypass: the caller sees its own writes). */
    void readInside(Random r) {
        for (int i = r.nextInt(3); i > 0; i--) {
            ReadSpec.pick(r).call(queries, r);
        }
    }

    static final Class<?>[] MEDIA = {Image.class, Video.class, Media.class};
    static final Class<?>[] ACCOUNTS = {Account.class, PersonalAccount.class, BusinessAccount.class};
    static final Class<?>[] GATHERINGS = {Gathering.class, Webinar.class, Meetup.class};
}
