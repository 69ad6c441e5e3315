package io.triggercache.oracle;

import io.triggercache.oracle.model.Account;
import io.triggercache.oracle.model.Author;
import io.triggercache.oracle.model.BusinessAccount;
import io.triggercache.oracle.model.Cargo;
import io.triggercache.oracle.model.Comment;
import io.triggercache.oracle.model.ContactCard;
import io.triggercache.oracle.model.Gathering;
import io.triggercache.oracle.model.Image;
import io.triggercache.oracle.model.Media;
import io.triggercache.oracle.model.Meetup;
import io.triggercache.oracle.model.PersonalAccount;
import io.triggercache.oracle.model.Post;
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
import org.hibernate.StatelessSession;

/**
 * The random domain operations (the change kinds of the report). Each runs one or more transactions on the
 * thread, describing what it did in {@link CommitLog.Running#what}. An operation whose target does not exist
 * does something else harmless (noted), never nothing silently.
 */
enum Operation {
    // ---------------------------------------------------------------- comments (no @Version)
    COMMENT_INSERT(6, Comment.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Post p = World.post(em, r);
                if (p == null) {
                    return nothing(run, "no post");
                }
                em.persist(new Comment(w.newId(), "c" + r.nextInt(1000), p));
                after(w, r);
                return note(run, "comment inserted on post " + p.getId());
            });
        }
    },
    COMMENT_UPDATE(4, Comment.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Comment c = comment(em, r);
                if (c == null) {
                    return nothing(run, "no comment");
                }
                c.setText("u" + r.nextInt(1000));
                after(w, r);
                return note(run, "comment " + c.getId() + " text changed (post " + c.getPost().getId() + ")");
            });
        }
    },
    COMMENT_MOVE(6, Comment.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Comment c = comment(em, r);
                if (c == null) {
                    return nothing(run, "no comment");
                }
                long from = c.getPost().getId();
                Post to = World.otherPost(em, r, c.getPost());
                if (to == null) {
                    return nothing(run, "no other post");
                }
                c.setPost(to);
                after(w, r);
                return note(run, "comment " + c.getId() + " moved from post " + from + " to post " + to.getId());
            });
        }
    },
    COMMENT_DELETE(4, Comment.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Comment c = comment(em, r);
                if (c == null) {
                    return nothing(run, "no comment");
                }
                em.remove(c);
                after(w, r);
                return note(run, "comment " + c.getId() + " of post " + c.getPost().getId() + " deleted");
            });
        }
    },
    COMMENT_ORPHAN_REMOVAL(3, Comment.class, Post.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Post p = World.post(em, r);
                if (p == null || p.getComments().isEmpty()) {
                    return nothing(run, "no post with comments");
                }
                Comment c = p.getComments().remove(r.nextInt(p.getComments().size()));
                after(w, r);
                return note(run, "comment " + c.getId() + " removed from post " + p.getId() + "'s list (orphan removal)");
            });
        }
    },
    // ---------------------------------------------------------------- posts (no @Version)
    POST_INSERT_CASCADE(2, Post.class, Comment.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                List<Long> taken = em.createQuery("select p.id from Post p", Long.class).getResultList();
                List<Long> free = new ArrayList<>();
                for (long i = 1; i <= World.POSTS; i++) {
                    if (!taken.contains(i)) {
                        free.add(i);
                    }
                }
                if (free.isEmpty()) {
                    return nothing(run, "every post id taken");
                }
                List<Tag> tags = em.createQuery("select t from Tag t", Tag.class).getResultList();
                Post p = w.newPost(World.pick(r, free), r, em.getReference(Author.class, World.authorId(r)), tags);
                em.persist(p);
                after(w, r);
                return note(run, "post " + p.getId() + " inserted (" + p.getStatus() + ", " + p.getCategory() + ", "
                        + p.getComments().size() + " comments cascaded, " + p.getTags().size() + " tags)");
            });
        }
    },
    POST_DELETE(2, Post.class, Comment.class, Media.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                long count = em.createQuery("select count(p) from Post p", Long.class).getSingleResult();
                Post p = World.post(em, r);
                if (p == null || count <= 6) {
                    return nothing(run, "keeping the posts");
                }
                for (Media m : em.createQuery("select m from Media m where m.post = :p", Media.class).setParameter("p", p).getResultList()) {
                    m.setPost(null);
                }
                em.remove(p);
                after(w, r);
                return note(run, "post " + p.getId() + " deleted with its comments, tags and ratings; its media detached");
            });
        }
    },
    POST_UPDATE_TITLE(3, Post.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Post p = World.post(em, r);
                if (p == null) {
                    return nothing(run, "no post");
                }
                p.setTitle("title" + r.nextInt(1000));
                after(w, r);
                return note(run, "post " + p.getId() + " title changed");
            });
        }
    },
    POST_MOVE_STATUS(4, Post.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Post p = World.post(em, r);
                if (p == null) {
                    return nothing(run, "no post");
                }
                Status from = p.getStatus();
                p.setStatus(World.pick(r, Status.class));
                after(w, r);
                return note(run, "post " + p.getId() + " status " + from + " -> " + p.getStatus());
            });
        }
    },
    POST_MOVE_CATEGORY(3, Post.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Post p = World.post(em, r);
                if (p == null) {
                    return nothing(run, "no post");
                }
                Object from = p.getCategory();
                p.setCategory(World.pick(r, World.CATEGORIES));
                after(w, r);
                return note(run, "post " + p.getId() + " category " + from + " -> " + p.getCategory());
            });
        }
    },
    POST_MOVE_AUTHOR(3, Post.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Post p = World.post(em, r);
                if (p == null) {
                    return nothing(run, "no post");
                }
                Object from = p.getAuthor() == null ? null : p.getAuthor().getId();
                p.setAuthor(em.getReference(Author.class, World.authorId(r)));
                after(w, r);
                return note(run, "post " + p.getId() + " author " + from + " -> " + p.getAuthor().getId());
            });
        }
    },
    // ---------------------------------------------------------------- collections of posts
    TAGS_EDIT_LOADED(4, Post.class, Tag.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Post p = World.post(em, r);
                if (p == null) {
                    return nothing(run, "no post");
                }
                Tag t = em.find(Tag.class, World.tagId(r));
                boolean removed = p.getTags().remove(t);
                if (!removed) {
                    p.getTags().add(t);
                }
                after(w, r);
                return note(run, "post " + p.getId() + " tag " + t.getCode() + (removed ? " removed" : " added") + " (collection loaded)");
            });
        }
    },
    TAGS_REPLACE_UNLOADED(3, Post.class, Tag.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Post p = World.post(em, r);
                if (p == null) {
                    return nothing(run, "no post");
                }
                Set<Tag> tags = new HashSet<>();
                for (int i = r.nextInt(3); i > 0; i--) {
                    tags.add(em.find(Tag.class, World.tagId(r)));
                }
                p.setTags(tags);
                after(w, r);
                return note(run, "post " + p.getId() + " tags replaced without loading the old ones, now "
                        + tags.stream().map(Tag::getCode).sorted().toList());
            });
        }
    },
    TAG_RENAME(2, Tag.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Tag t = em.find(Tag.class, World.tagId(r));
                t.setLabel("label" + r.nextInt(100));
                after(w, r);
                return note(run, "tag " + t.getCode() + " relabelled " + t.getLabel());
            });
        }
    },
    RATINGS_EDIT_LOADED(3, Post.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Post p = World.post(em, r);
                if (p == null) {
                    return nothing(run, "no post");
                }
                if (!p.getRatings().isEmpty() && r.nextBoolean()) {
                    p.getRatings().remove(0);
                } else {
                    p.getRatings().addAll(World.ratings(r));
                }
                after(w, r);
                return note(run, "post " + p.getId() + " ratings edited (collection loaded)");
            });
        }
    },
    RATINGS_REPLACE_UNLOADED(2, Post.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Post p = World.post(em, r);
                if (p == null) {
                    return nothing(run, "no post");
                }
                p.setRatings(World.ratings(r));
                after(w, r);
                return note(run, "post " + p.getId() + " ratings replaced without loading the old ones");
            });
        }
    },
    // ---------------------------------------------------------------- authors (@Version, @NaturalId)
    NICKNAMES_EDIT_LOADED(3, Author.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Author a = em.find(Author.class, World.authorId(r));
                String n = "nick" + r.nextInt(10);
                if (!a.getNicknames().remove(n)) {
                    a.getNicknames().add(n);
                }
                after(w, r);
                return note(run, "author " + a.getHandle() + " nickname " + n + " toggled (collection loaded)");
            });
        }
    },
    NICKNAMES_REPLACE_UNLOADED(2, Author.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Author a = em.find(Author.class, World.authorId(r));
                a.setNicknames(World.nicknames(r));
                after(w, r);
                return note(run, "author " + a.getHandle() + " nicknames replaced without loading the old ones");
            });
        }
    },
    PHONES_EDIT_LOADED(3, Author.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Author a = em.find(Author.class, World.authorId(r));
                List<String> phones = a.getContact().getPhones();
                if (!phones.isEmpty() && r.nextBoolean()) {
                    phones.remove(phones.size() - 1);
                } else {
                    phones.add("+46-" + r.nextInt(100));
                }
                after(w, r);
                return note(run, "author " + a.getHandle() + " phone list edited (collection inside an embeddable, loaded)");
            });
        }
    },
    PHONES_REPLACE_UNLOADED(2, Author.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Author a = em.find(Author.class, World.authorId(r));
                a.getContact().setPhones(World.phones(r));
                after(w, r);
                return note(run, "author " + a.getHandle() + " phone list replaced without loading (collection inside an embeddable)");
            });
        }
    },
    CONTACT_REPLACE(2, Author.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Author a = em.find(Author.class, World.authorId(r));
                a.setContact(new ContactCard("m" + r.nextInt(100) + "@example.org", World.phones(r)));
                after(w, r);
                return note(run, "author " + a.getHandle() + " contact card replaced whole");
            });
        }
    },
    AUTHOR_RENAME(2, Author.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Author a = em.find(Author.class, World.authorId(r));
                a.setDisplayName("Author " + r.nextInt(1000));
                after(w, r);
                return note(run, "author " + a.getHandle() + " renamed");
            });
        }
    },
    // ---------------------------------------------------------------- SINGLE_TABLE media (@Version)
    MEDIA_INSERT(2, Image.class, Video.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Post p = World.post(em, r);
                Media m = r.nextBoolean() ? new Image(w.newId(), "img" + r.nextInt(100), p, 100) : new Video(w.newId(), "vid" + r.nextInt(100), p, 10);
                em.persist(m);
                after(w, r);
                return note(run, m.getClass().getSimpleName() + " " + m.getId() + " inserted on post " + (p == null ? null : p.getId()));
            });
        }
    },
    MEDIA_MOVE(3, Image.class, Video.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Media m = World.any(em, r, Media.class, "select m.id from Media m");
                if (m == null) {
                    return nothing(run, "no media");
                }
                Object from = m.getPost() == null ? null : m.getPost().getId();
                Post to = World.post(em, r);
                m.setPost(to);
                after(w, r);
                return note(run, m.getClass().getSimpleName() + " " + m.getId() + " moved from post " + from + " to " + (to == null ? null : to.getId()));
            });
        }
    },
    MEDIA_DELETE(2, Image.class, Video.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                long count = em.createQuery("select count(m) from Media m", Long.class).getSingleResult();
                Media m = World.any(em, r, Media.class, "select m.id from Media m");
                if (m == null || count <= 6) {
                    return nothing(run, "keeping the media");
                }
                em.remove(m);
                after(w, r);
                return note(run, m.getClass().getSimpleName() + " " + m.getId() + " deleted");
            });
        }
    },
    // ---------------------------------------------------------------- JOINED accounts (@Version)
    ACCOUNT_INSERT(2, PersonalAccount.class, BusinessAccount.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Author owner = em.getReference(Author.class, World.authorId(r));
                Account a = r.nextBoolean() ? new PersonalAccount(w.newId(), r.nextInt(100), owner, "pa")
                        : new BusinessAccount(w.newId(), r.nextInt(1000), owner, "co" + r.nextInt(100));
                em.persist(a);
                after(w, r);
                return note(run, a.getClass().getSimpleName() + " " + a.getId() + " inserted for author " + owner.getId());
            });
        }
    },
    ACCOUNT_DEPOSIT(4, PersonalAccount.class, BusinessAccount.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Account a = World.any(em, r, Account.class, "select a.id from Account a");
                if (a == null) {
                    return nothing(run, "no account");
                }
                a.setBalance(a.getBalance() + 1 + r.nextInt(50));
                after(w, r);
                return note(run, a.getClass().getSimpleName() + " " + a.getId() + " of author " + a.getOwner().getId() + " deposit");
            });
        }
    },
    ACCOUNT_MOVE_OWNER(2, PersonalAccount.class, BusinessAccount.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Account a = World.any(em, r, Account.class, "select a.id from Account a");
                if (a == null) {
                    return nothing(run, "no account");
                }
                Object from = a.getOwner().getId();
                a.setOwner(em.getReference(Author.class, World.authorId(r)));
                after(w, r);
                return note(run, a.getClass().getSimpleName() + " " + a.getId() + " owner " + from + " -> " + a.getOwner().getId());
            });
        }
    },
    BUSINESS_RENAME(2, BusinessAccount.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                BusinessAccount a = World.any(em, r, BusinessAccount.class, "select a.id from BusinessAccount a");
                if (a == null) {
                    return nothing(run, "no business account");
                }
                a.setCompany("co" + r.nextInt(100));
                after(w, r);
                return note(run, "business account " + a.getId() + " renamed " + a.getCompany());
            });
        }
    },
    ACCOUNT_DELETE(1, PersonalAccount.class, BusinessAccount.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                long count = em.createQuery("select count(a) from Account a", Long.class).getSingleResult();
                Account a = World.any(em, r, Account.class, "select a.id from Account a");
                if (a == null || count <= 6) {
                    return nothing(run, "keeping the accounts");
                }
                em.remove(a);
                after(w, r);
                return note(run, a.getClass().getSimpleName() + " " + a.getId() + " deleted");
            });
        }
    },
    // ---------------------------------------------------------------- TABLE_PER_CLASS gatherings (no @Version)
    GATHERING_INSERT(2, Webinar.class, Meetup.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Gathering g = r.nextBoolean() ? new Webinar(w.newId(), "web", World.pick(r, Zone.class), "https://w")
                        : new Meetup(w.newId(), "meet", World.pick(r, Zone.class), World.pick(r, World.VENUES));
                em.persist(g);
                after(w, r);
                return note(run, g.getClass().getSimpleName() + " " + g.getId() + " inserted in " + g.getZone());
            });
        }
    },
    GATHERING_MOVE_ZONE(3, Webinar.class, Meetup.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Gathering g = World.any(em, r, Gathering.class, "select g.id from Gathering g");
                if (g == null) {
                    return nothing(run, "no gathering");
                }
                Zone from = g.getZone();
                g.setZone(World.pick(r, Zone.class));
                after(w, r);
                return note(run, g.getClass().getSimpleName() + " " + g.getId() + " zone " + from + " -> " + g.getZone());
            });
        }
    },
    MEETUP_MOVE_VENUE(2, Meetup.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Meetup m = World.any(em, r, Meetup.class, "select m.id from Meetup m");
                if (m == null) {
                    return nothing(run, "no meetup");
                }
                m.setVenue(World.pick(r, World.VENUES));
                after(w, r);
                return note(run, "meetup " + m.getId() + " venue " + m.getVenue());
            });
        }
    },
    GATHERING_DELETE(1, Webinar.class, Meetup.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                long count = em.createQuery("select count(g) from Gathering g", Long.class).getSingleResult();
                Gathering g = World.any(em, r, Gathering.class, "select g.id from Gathering g");
                if (g == null || count <= 6) {
                    return nothing(run, "keeping the gatherings");
                }
                em.remove(g);
                after(w, r);
                return note(run, g.getClass().getSimpleName() + " " + g.getId() + " deleted");
            });
        }
    },
    // ---------------------------------------------------------------- cargos: a collection inside an embeddable (no @Version)
    CARGO_INSERT(1, Cargo.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                long id = World.cargoId(r);
                if (em.find(Cargo.class, id) != null) {
                    return nothing(run, "cargo " + id + " exists");
                }
                Cargo c = new Cargo(id, "TRK" + id, new Route(World.pick(r, World.LOCATIONS), World.legs(r)));
                em.persist(c);
                after(w, r);
                return note(run, "cargo " + id + " inserted via " + c.getRoute().getLegs().stream().map(l -> l.getLocation()).toList());
            });
        }
    },
    CARGO_ADD_LEG_LOADED(3, Cargo.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Cargo c = em.find(Cargo.class, World.cargoId(r));
                if (c == null || c.getRoute() == null) {
                    return nothing(run, "no routed cargo");
                }
                List<io.triggercache.oracle.model.Leg> legs = c.getRoute().getLegs();
                if (legs.size() > 1 && r.nextBoolean()) {
                    legs.remove(0);
                } else {
                    legs.add(new io.triggercache.oracle.model.Leg(World.pick(r, World.LOCATIONS), legs.size() + 1));
                }
                after(w, r);
                return note(run, "cargo " + c.getId() + " legs edited (loaded), now " + legs.stream().map(l -> l.getLocation()).toList());
            });
        }
    },
    CARGO_REROUTE_UNLOADED(4, Cargo.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Cargo c = em.find(Cargo.class, World.cargoId(r));
                if (c == null) {
                    return nothing(run, "no cargo");
                }
                c.setRoute(new Route(World.pick(r, World.LOCATIONS), World.legs(r)));
                after(w, r);
                return note(run, "cargo " + c.getId() + " rerouted without loading the old legs, now "
                        + c.getRoute().getLegs().stream().map(l -> l.getLocation()).toList());
            });
        }
    },
    CARGO_DELETE(1, Cargo.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                long count = em.createQuery("select count(c) from Cargo c", Long.class).getSingleResult();
                Cargo c = em.find(Cargo.class, World.cargoId(r));
                if (c == null || count <= 4) {
                    return nothing(run, "keeping the cargos");
                }
                em.remove(c);
                after(w, r);
                return note(run, "cargo " + c.getId() + " deleted");
            });
        }
    },
    // ---------------------------------------------------------------- bulk and native DML
    BULK_JPQL_UPDATE(2, Post.class, Comment.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                if (r.nextBoolean()) {
                    long id = World.postId(r);
                    Status s = World.pick(r, Status.class);
                    int n = em.createQuery("update Post p set p.status = :s where p.id = :id").setParameter("s", s).setParameter("id", id).executeUpdate();
                    after(w, r);
                    return note(run, "bulk JPQL: post " + id + " status -> " + s + " (" + n + " row)");
                }
                long post = World.postId(r);
                int n = em.createQuery("update Comment c set c.text = :t where c.post.id = :p").setParameter("t", "b" + r.nextInt(1000))
                        .setParameter("p", post).executeUpdate();
                after(w, r);
                return note(run, "bulk JPQL: texts of the " + n + " comments of post " + post);
            });
        }
    },
    BULK_JPQL_DELETE(1, Comment.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Long id = World.commentId(em, r);
                if (id == null) {
                    return nothing(run, "no comment");
                }
                int n = em.createQuery("delete from Comment c where c.id = :id").setParameter("id", id).executeUpdate();
                after(w, r);
                return note(run, "bulk JPQL: comment " + id + " deleted (" + n + " row)");
            });
        }
    },
    NATIVE_UPDATE(2, Comment.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                Long id = World.commentId(em, r);
                Post to = World.post(em, r);
                if (id == null || to == null) {
                    return nothing(run, "no comment or post");
                }
                int n = em.createNativeQuery("update orc_comment set post_id = ?1 where id = ?2").setParameter(1, to.getId()).setParameter(2, id)
                        .executeUpdate();
                after(w, r);
                return note(run, "native SQL: comment " + id + " moved to post " + to.getId() + " (" + n + " row)");
            });
        }
    },
    NATIVE_DELETE(1, Image.class, Video.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.tx(em -> {
                long count = em.createQuery("select count(m) from Media m", Long.class).getSingleResult();
                Media m = World.any(em, r, Media.class, "select m.id from Media m");
                if (m == null || count <= 6) {
                    return nothing(run, "keeping the media");
                }
                long id = m.getId();
                em.detach(m);
                int n = em.createNativeQuery("delete from orc_media where id = ?1").setParameter(1, id).executeUpdate();
                after(w, r);
                return note(run, "native SQL: media " + id + " deleted (" + n + " row)");
            });
        }
    },
    // ---------------------------------------------------------------- StatelessSession
    STATELESS_INSERT(2, Comment.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.stateless(s -> {
                Post p = s.get(Post.class, World.postId(r));
                if (p == null) {
                    return nothing(run, "no post");
                }
                s.insert(new Comment(w.newId(), "s" + r.nextInt(1000), p));
                return note(run, "StatelessSession: comment inserted on post " + p.getId());
            });
        }
    },
    STATELESS_MOVE(3, Comment.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.stateless(s -> {
                Long id = statelessCommentId(s, r);
                Post to = s.get(Post.class, World.postId(r));
                if (id == null || to == null) {
                    return nothing(run, "no comment or post");
                }
                Comment c = s.get(Comment.class, id);
                c.setPost(to);
                s.update(c);
                return note(run, "StatelessSession: comment " + id + " moved to post " + to.getId());
            });
        }
    },
    STATELESS_DELETE(1, Comment.class) {
        void run(World w, Random r, CommitLog.Running run) {
            w.jpa.stateless(s -> {
                Long id = statelessCommentId(s, r);
                if (id == null) {
                    return nothing(run, "no comment");
                }
                s.delete(s.get(Comment.class, id));
                return note(run, "StatelessSession: comment " + id + " deleted");
            });
        }
    },
    // ---------------------------------------------------------------- detached merges
    DETACHED_MERGE_MOVE(3, Comment.class) {
        void run(World w, Random r, CommitLog.Running run) {
            Comment detached = w.jpa.readTx(em -> comment(em, r));
            if (detached == null) {
                nothing(run, "no comment");
                return;
            }
            long to = World.postId(r);
            w.jpa.tx(em -> {
                Post target = em.find(Post.class, to);
                if (target == null) {
                    return nothing(run, "no post " + to);
                }
                detached.setPost(target);
                em.merge(detached);
                after(w, r);
                return note(run, "detached comment " + detached.getId() + " moved to post " + to + " and merged");
            });
        }
    },
    DETACHED_MERGE_POST(2, Post.class) {
        void run(World w, Random r, CommitLog.Running run) {
            Post detached = w.jpa.readTx(em -> World.post(em, r));
            if (detached == null) {
                nothing(run, "no post");
                return;
            }
            Status from = detached.getStatus();
            detached.setStatus(World.pick(r, Status.class));
            detached.setCategory(World.pick(r, World.CATEGORIES));
            w.jpa.tx(em -> {
                em.merge(detached);
                after(w, r);
                return note(run, "detached post " + detached.getId() + " status " + from + " -> " + detached.getStatus() + ", category "
                        + detached.getCategory() + ", merged");
            });
        }
    },
    // ---------------------------------------------------------------- concurrent writers on one entity, forced
    LOST_UPDATE_NO_VERSION(3, Comment.class) {
        void run(World w, Random r, CommitLog.Running run) {
            try (OracleJpa.Open b = w.jpa.open()) {
                Comment loaded = b.use(em -> comment(em, r));
                if (loaded == null) {
                    nothing(run, "no comment");
                    return;
                }
                long id = loaded.getId();
                long from = b.use(em -> loaded.getPost().getId());
                long to = w.jpa.tx(em -> {                         // A: moves the comment and commits
                    Comment c = em.find(Comment.class, id);
                    if (c == null) {
                        return -1L;
                    }
                    Post p = World.otherPost(em, r, c.getPost());
                    if (p == null) {
                        return -1L;
                    }
                    c.setPost(p);
                    note(run, "A: comment " + id + " moved from post " + from + " to post " + p.getId());
                    return p.getId();
                });
                b.use(em -> {                                       // B: edits its older copy and commits
                    loaded.setText("lost" + r.nextInt(1000));
                    return null;
                });
                note(run, "B (loaded before A): comment " + id + " text changed; its full-row update writes post " + from
                        + " back over A's move to " + to);
                b.commit();
            }
        }
    },
    LOST_UPDATE_VERSIONED(2, Image.class, Video.class) {
        void run(World w, Random r, CommitLog.Running run) {
            try (OracleJpa.Open b = w.jpa.open()) {
                Media loaded = b.use(em -> World.any(em, r, Media.class, "select m.id from Media m"));
                if (loaded == null) {
                    nothing(run, "no media");
                    return;
                }
                long id = loaded.getId();
                w.jpa.tx(em -> {                                    // A: moves the media and commits
                    Media m = em.find(Media.class, id);
                    if (m != null) {
                        m.setPost(World.post(em, r));
                    }
                    return note(run, "A: media " + id + " moved");
                });
                b.use(em -> {
                    loaded.setCaption("late" + r.nextInt(100));
                    return null;
                });
                note(run, "B (loaded before A): media " + id + " caption changed: expected to lose on its @Version");
                b.commit();
            }
        }
    },
    ROLLBACK(2, Comment.class, Post.class) {
        void run(World w, Random r, CommitLog.Running run) {
            try {
                w.jpa.tx(em -> {
                    Comment c = comment(em, r);
                    Post p = World.post(em, r);
                    if (c != null && p != null) {
                        c.setPost(p);
                    }
                    if (p != null) {
                        p.setStatus(World.pick(r, Status.class));
                    }
                    em.flush();
                    w.readInside(r);
                    note(run, "moved a comment and a post's status, flushed, then rolled back");
                    throw new RolledBack();
                });
            } catch (RolledBack expected) {
                // the point of the operation: nothing may be dropped, nothing dirty may be stored
            }
        }
    };

    /** The thrown-on-purpose exception of {@link #ROLLBACK}. */
    static final class RolledBack extends RuntimeException {
        RolledBack() {
            super("rolled back on purpose", null, false, false);
        }
    }

    final int weight;
    final Class<?>[] writes;

    Operation(int weight, Class<?>... writes) {
        this.weight = weight;
        this.writes = writes;
    }

    abstract void run(World w, Random r, CommitLog.Running run);

    private static final Operation[] BY_WEIGHT;

    static {
        List<Operation> list = new ArrayList<>();
        for (Operation op : values()) {
            for (int i = 0; i < op.weight; i++) {
                list.add(op);
            }
        }
        BY_WEIGHT = list.toArray(Operation[]::new);
    }

    static Operation pick(Random r) {
        return BY_WEIGHT[r.nextInt(BY_WEIGHT.length)];
    }

    static Object note(CommitLog.Running run, String what) {
        run.what = what;
        run.nothing = false;
        return null;
    }

    /** Notes that the operation found no target and changed nothing (its commit names no change). */
    static Object nothing(CommitLog.Running run, String what) {
        run.what = what;
        run.nothing = true;
        return null;
    }

    static Comment comment(EntityManager em, Random r) {
        Long id = World.commentId(em, r);
        return id == null ? null : em.find(Comment.class, id);
    }

    static Long statelessCommentId(StatelessSession s, Random r) {
        List<Long> ids = s.createQuery("select c.id from Comment c where c.post.id = :p", Long.class).setParameter("p", World.postId(r))
                .getResultList();
        return ids.isEmpty() ? null : World.pick(r, ids);
    }

    /** Sometimes reads cached methods inside the writing transaction, after its writes. */
    static void after(World w, Random r) {
        if (r.nextInt(4) == 0) {
            w.readInside(r);
        }
    }
}
