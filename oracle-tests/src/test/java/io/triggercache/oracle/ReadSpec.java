package io.triggercache.oracle;

import io.triggercache.oracle.model.Account;
import io.triggercache.oracle.model.Author;
import io.triggercache.oracle.model.BusinessAccount;
import io.triggercache.oracle.model.Cargo;
import io.triggercache.oracle.model.Category;
import io.triggercache.oracle.model.Comment;
import io.triggercache.oracle.model.Gathering;
import io.triggercache.oracle.model.Image;
import io.triggercache.oracle.model.Media;
import io.triggercache.oracle.model.Meetup;
import io.triggercache.oracle.model.Post;
import io.triggercache.oracle.model.Status;
import io.triggercache.oracle.model.Tag;
import io.triggercache.oracle.model.Zone;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The cached reads the oracle makes: which method, a random key from the world's small key spaces, the cached
 * call, the same computation uncached, and the entity types it reads (to name the commits a stale value missed).
 */
enum ReadSpec {
    COMMENT_TEXTS(Set.of(Comment.class)) {
        Object key(Random r) { return World.postId(r); }
        Object cached(OracleQueries q, Object k) { return q.commentTexts((Long) k); }
        Object truth(Reads x, Object k) { return x.commentTexts((Long) k); }
    },
    POST_CARD(Set.of(Post.class, Tag.class)) {
        Object key(Random r) { return World.postId(r); }
        Object cached(OracleQueries q, Object k) { return q.postCard((Long) k); }
        Object truth(Reads x, Object k) { return x.postCard((Long) k); }
    },
    POST_IDS_BY_STATUS(Set.of(Post.class)) {
        Object key(Random r) { return World.pick(r, Status.class); }
        Object cached(OracleQueries q, Object k) { return q.postIdsByStatus((Status) k); }
        Object truth(Reads x, Object k) { return x.postIdsByStatus((Status) k); }
    },
    POST_IDS_IN_CATEGORY(Set.of(Post.class)) {
        Object key(Random r) { return World.pick(r, World.CATEGORIES); }
        Object cached(OracleQueries q, Object k) { return q.postIdsInCategory((Category) k); }
        Object truth(Reads x, Object k) { return x.postIdsInCategory((Category) k); }
    },
    POST_IDS_OF_AUTHOR(Set.of(Post.class)) {
        Object key(Random r) { return World.authorId(r); }
        Object cached(OracleQueries q, Object k) { return q.postIdsOfAuthor((Long) k); }
        Object truth(Reads x, Object k) { return x.postIdsOfAuthor((Long) k); }
    },
    LATEST_POST_IDS(Set.of(Post.class)) {
        Object key(Random r) { return "-"; }
        Object cached(OracleQueries q, Object k) { return q.latestPostIds(); }
        Object truth(Reads x, Object k) { return x.latestPostIds(); }
    },
    AUTHOR_PROFILE(Set.of(Author.class)) {
        Object key(Random r) { return World.handle((int) World.authorId(r)); }
        Object cached(OracleQueries q, Object k) { return q.authorProfile((String) k); }
        Object truth(Reads x, Object k) { return x.authorProfile((String) k); }
    },
    POSTS_TAGGED(Set.of(Post.class, Tag.class)) {
        Object key(Random r) { return World.tagCode((int) World.tagId(r)); }
        Object cached(OracleQueries q, Object k) { return q.postsTagged((String) k); }
        Object truth(Reads x, Object k) { return x.postsTagged((String) k); }
    },
    MEDIA_CAPTIONS(Set.of(Media.class)) {
        Object key(Random r) { return World.postId(r); }
        Object cached(OracleQueries q, Object k) { return q.mediaCaptions((Long) k); }
        Object truth(Reads x, Object k) { return x.mediaCaptions((Long) k); }
    },
    IMAGE_COUNT(Set.of(Media.class)) {
        Object key(Random r) { return "-"; }
        Object cached(OracleQueries q, Object k) { return q.imageCount(); }
        Object truth(Reads x, Object k) { return x.imageCount(); }
    },
    BALANCE_OF(Set.of(Account.class)) {
        Object key(Random r) { return World.authorId(r); }
        Object cached(OracleQueries q, Object k) { return q.balanceOf((Long) k); }
        Object truth(Reads x, Object k) { return x.balanceOf((Long) k); }
    },
    BUSINESS_COMPANIES(Set.of(Account.class, BusinessAccount.class)) {
        Object key(Random r) { return "-"; }
        Object cached(OracleQueries q, Object k) { return q.businessCompanies(); }
        Object truth(Reads x, Object k) { return x.businessCompanies(); }
    },
    GATHERINGS_IN(Set.of(Gathering.class)) {
        Object key(Random r) { return World.pick(r, Zone.class); }
        Object cached(OracleQueries q, Object k) { return q.gatheringsIn((Zone) k); }
        Object truth(Reads x, Object k) { return x.gatheringsIn((Zone) k); }
    },
    MEETUP_VENUES(Set.of(Gathering.class, Meetup.class)) {
        Object key(Random r) { return "-"; }
        Object cached(OracleQueries q, Object k) { return q.meetupVenues(); }
        Object truth(Reads x, Object k) { return x.meetupVenues(); }
    },
    CARGOS_VIA(Set.of(Cargo.class)) {
        Object key(Random r) { return World.pick(r, World.LOCATIONS); }
        Object cached(OracleQueries q, Object k) { return q.cargosVia((String) k); }
        Object truth(Reads x, Object k) { return x.cargosVia((String) k); }
    },
    CARGO_ROUTE(Set.of(Cargo.class)) {
        Object key(Random r) { return World.cargoId(r); }
        Object cached(OracleQueries q, Object k) { return q.cargoRoute((Long) k); }
        Object truth(Reads x, Object k) { return x.cargoRoute((Long) k); }
    };

    private static final ReadSpec[] ALL = values();

    /** The entity types whose data the method returns (a commit of an operation writing none of them cannot make it old). */
    final Set<Class<?>> reads;

    ReadSpec(Set<Class<?>> reads) {
        this.reads = reads;
    }

    abstract Object key(Random r);

    abstract Object cached(OracleQueries q, Object key);

    abstract Object truth(Reads reads, Object key);

    /** The method's name as {@code CacheStatistics} knows it. */
    String methodName() {
        return OracleQueries.class.getName() + "." + shortName();
    }

    /** The method's simple name. */
    String shortName() {
        String[] parts = name().toLowerCase().split("_");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return b.toString();
    }

    /** Whether a commit of {@code op} may change this method's result. */
    boolean affectedBy(Operation op) {
        for (Class<?> w : op.writes) {
            for (Class<?> r : reads) {
                if (r.isAssignableFrom(w) || w.isAssignableFrom(r)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A cached call with a random key, unchecked. */
    Object call(OracleQueries q, Random r) {
        return cached(q, key(r));
    }

    static ReadSpec pick(Random r) {
        return ALL[r.nextInt(ALL.length)];
    }

    /** Every method name, in declaration order. */
    static List<ReadSpec> all() {
        return List.of(ALL);
    }
}
