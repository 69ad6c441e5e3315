package io.triggercache.hibernate;

import static io.triggercache.EntityEvent.DELETE;
import static io.triggercache.EntityEvent.INSERT;
import static io.triggercache.EntityEvent.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.Root;

import io.triggercache.Change;
import io.triggercache.hibernate.RecordingSink.Recorded;
import io.triggercache.hibernate.RecordingSink.Tx;
import io.triggercache.hibernate.entities.Animal;
import io.triggercache.hibernate.entities.AuditEntry;
import io.triggercache.hibernate.entities.Car;
import io.triggercache.hibernate.entities.Cargo;
import io.triggercache.hibernate.entities.Itinerary;
import io.triggercache.hibernate.entities.Leg;
import io.triggercache.hibernate.entities.Cat;
import io.triggercache.hibernate.entities.Comment;
import io.triggercache.hibernate.entities.Dog;
import io.triggercache.hibernate.entities.Post;
import io.triggercache.hibernate.entities.Tag;
import io.triggercache.hibernate.entities.Money;
import io.triggercache.hibernate.entities.Ticket;
import io.triggercache.hibernate.entities.Student;
import io.triggercache.hibernate.entities.Course;
import io.triggercache.hibernate.entities.Basket;
import io.triggercache.hibernate.entities.Item;
import io.triggercache.hibernate.entities.Vehicle;
import io.triggercache.hibernate.entities.Gathering;
import io.triggercache.hibernate.entities.Meetup;
import io.triggercache.hibernate.entities.Webinar;

import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.query.NativeQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The change source against one database: every write path of Hibernate, and what the sink receives.
 * Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractChangeSourceTest {


    final RecordingSink sink = new RecordingSink(Post.class, Comment.class, Tag.class, Animal.class, Vehicle.class, Cargo.class, Ticket.class, Student.class, Course.class, Basket.class, Item.class, Gathering.class);
    Database database;
    EntityManagerFactory emf;

    abstract Database database();

    @BeforeAll
    void createFactory() {
        database = database();
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put(TriggerCacheSettings.SINK, sink);
        emf = Persistence.createEntityManagerFactory("triggercache-test", properties);
        inTx(em -> em.createNativeQuery("create table post_stats (post_id bigint, views bigint)").executeUpdate());
    }

    @AfterAll
    void closeFactory() {
        if (emf != null) {
            emf.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void forgetSetup() {
        sink.clear();
    }

    // ---- insert, update, delete ----------------------------------------------------------------------------------

    @Test
    void persist_inTransaction_addsInsertWithNewStateAndCommits() {
        Post post = inTransaction(em -> {
            Post p = new Post("hello");
            em.persist(p);
            return p;
        });

        Tx tx = sink.onlyTransaction();
        assertThat(tx.changes).hasSize(1);
        Recorded insert = tx.changes.get(0);
        assertThat(insert.type).isEqualTo(Post.class);
        assertThat(insert.event).isEqualTo(INSERT);
        assertThat(insert.id).isEqualTo(post.getId());
        assertThat(insert.before).isNull();
        assertThat(insert.after).containsEntry("id", post.getId()).containsEntry("title", "hello");
        assertThat(insert.afterObject).isSameAs(post);
        assertThat(insert.dirty).containsExactlyInAnyOrder("title", "tags");
        assertThat(tx.completions).containsExactly(true);
        assertThat(sink.changedNow).isEmpty();
    }

    @Test
    void update_inTransaction_addsUpdateWithBothStatesAndDirtyProperty() {
        Post post = persisted(new Post("old title"));

        inTx(em -> em.find(Post.class, post.getId()).setTitle("new title"));

        Tx tx = sink.onlyTransaction();
        assertThat(tx.changes).hasSize(1);
        Recorded update = tx.changes.get(0);
        assertThat(update.type).isEqualTo(Post.class);
        assertThat(update.event).isEqualTo(UPDATE);
        assertThat(update.id).isEqualTo(post.getId());
        assertThat(update.before).containsEntry("title", "old title").containsEntry("id", post.getId());
        assertThat(update.beforeObject).isNull();
        assertThat(update.after).containsEntry("title", "new title");
        assertThat(update.afterObject).isInstanceOf(Post.class);
        assertThat(update.dirty).containsExactly("title");
        assertThat(tx.completions).containsExactly(true);
    }

    @Test
    void update_commentMovedToAnotherPost_carriesOldAndNewPost() {
        Post first = persisted(new Post("first"));
        Post second = persisted(new Post("second"));
        Comment comment = persisted(new Comment("nice", first));
        sink.clear();

        inTx(em -> em.find(Comment.class, comment.getId()).setPost(em.getReference(Post.class, second.getId())));

        Recorded update = sink.onlyTransaction().changes.get(0);
        assertThat(sink.onlyTransaction().changes).hasSize(1);
        assertThat(update.type).isEqualTo(Comment.class);
        assertThat(update.event).isEqualTo(UPDATE);
        assertThat(update.dirty).containsExactly("post");
        assertThat(idOf(update.before.get("post"))).isEqualTo(first.getId());
        assertThat(idOf(update.after.get("post"))).isEqualTo(second.getId());
        assertThat(update.before).containsEntry("text", "nice");
    }

    @Test
    void remove_inTransaction_addsDeleteWithStateAtDeletion() {
        Post post = persisted(new Post("doomed"));
        Comment comment = persisted(new Comment("last words", post));
        inTx(em -> em.find(Comment.class, comment.getId()).setText("edited last words"));
        sink.clear();

        inTx(em -> em.remove(em.find(Comment.class, comment.getId())));

        Tx tx = sink.onlyTransaction();
        assertThat(tx.changes).hasSize(1);
        Recorded delete = tx.changes.get(0);
        assertThat(delete.type).isEqualTo(Comment.class);
        assertThat(delete.event).isEqualTo(DELETE);
        assertThat(delete.id).isEqualTo(comment.getId());
        assertThat(delete.after).isNull();
        assertThat(delete.before).containsEntry("text", "edited last words");
        assertThat(idOf(delete.before.get("post"))).isEqualTo(post.getId());
        assertThat(delete.dirty).containsExactlyInAnyOrder("text", "post");
        assertThat(tx.completions).containsExactly(true);
    }

    @Test
    void state_unknownProperty_throwsNamingTheKnownOnes() {
        persisted(new Comment("probe", null));

        inTx(em -> em.persist(new Comment("probe 2", null)));

        assertThat(sink.onlyTransaction().changes.get(0).unknownPropertyMessage)
                .isEqualTo("Comment has no property \"noSuchProperty\" (known: id, post, text)");
    }

    // ---- collections ----------------------------------------------------------------------------------------------

    @Test
    void collectionAdd_inTransaction_isUpdateOfOwnerWithDirtyCollection() {
        Post post = persisted(new Post("tagged"));
        Tag tag = persisted(new Tag("java"));
        sink.clear();

        inTx(em -> em.find(Post.class, post.getId()).getTags().add(em.find(Tag.class, tag.getId())));

        Tx tx = sink.onlyTransaction();
        assertThat(tx.changes).hasSize(1);
        Recorded update = tx.changes.get(0);
        assertThat(update.type).isEqualTo(Post.class);
        assertThat(update.event).isEqualTo(UPDATE);
        assertThat(update.id).isEqualTo(post.getId());
        assertThat(update.dirty).containsExactly("tags");
        assertThat(update.before).containsEntry("title", "tagged");
        assertThat(update.after).containsEntry("title", "tagged");
        assertThat(tx.completions).containsExactly(true);
    }

    @Test
    void collectionRemove_inTransaction_isUpdateOfOwnerWithDirtyCollection() {
        Tag tag = persisted(new Tag("kotlin"));
        Post post = inTransaction(em -> {
            Post p = new Post("retagged");
            p.getTags().add(em.find(Tag.class, tag.getId()));
            em.persist(p);
            return p;
        });
        sink.clear();

        inTx(em -> em.find(Post.class, post.getId()).getTags().clear());

        Tx tx = sink.onlyTransaction();
        assertThat(tx.changes).extracting(c -> c.type, c -> c.event, c -> c.id, c -> c.dirty)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Post.class, UPDATE, post.getId(), java.util.Set.of("tags")));
    }

    @Test
    void collectionChange_beforeStateHoldsTheOldElements_afterStateTheNewOnes() {
        Tag kept = persisted(new Tag("kept"));
        Tag removed = persisted(new Tag("removed"));
        Tag added = persisted(new Tag("added"));
        Post post = inTransaction(em -> {
            Post p = new Post("retagged");
            p.getTags().add(em.find(Tag.class, kept.getId()));
            p.getTags().add(em.find(Tag.class, removed.getId()));
            em.persist(p);
            return p;
        });
        sink.clear();

        inTx(em -> {
            Post p = em.find(Post.class, post.getId());
            p.getTags().removeIf(t -> t.getName().equals("removed"));
            p.getTags().add(em.find(Tag.class, added.getId()));
        });

        Recorded update = sink.onlyTransaction().changes.get(0);
        assertThat(update.dirty).containsExactly("tags");
        assertThat(names(update.before.get("tags"))).containsExactlyInAnyOrder("kept", "removed");
        assertThat(names(update.after.get("tags"))).containsExactlyInAnyOrder("kept", "added");
    }

    private static java.util.List<String> names(Object tags) {
        assertThat(tags).isInstanceOf(java.util.Set.class);
        return ((java.util.Set<?>) tags).stream().map(t -> ((Tag) t).getName()).toList();
    }

    @Test
    void collectionReplaced_inTransaction_isUpdateOfOwnerWithDirtyCollection() {
        Tag first = persisted(new Tag("first"));
        Tag second = persisted(new Tag("second"));
        Post post = inTransaction(em -> {
            Post p = new Post("replaced tags");
            p.getTags().add(em.find(Tag.class, first.getId()));
            em.persist(p);
            return p;
        });
        sink.clear();

        inTx(em -> {
            Post p = em.find(Post.class, post.getId());
            p.getTags().clear();
            em.flush();
            p.getTags().add(em.find(Tag.class, second.getId()));
        });

        Tx tx = sink.onlyTransaction();
        assertThat(tx.changes).isNotEmpty().allSatisfy(c -> {
            assertThat(c.type).isEqualTo(Post.class);
            assertThat(c.event).isEqualTo(UPDATE);
            assertThat(c.id).isEqualTo(post.getId());
            assertThat(c.dirty).containsExactly("tags");
        });
        assertThat(tx.completions).containsExactly(true);
    }

    @Test
    void persistWithCollection_inTransaction_reportsOnlyTheInsert() {
        Tag tag = persisted(new Tag("new"));
        sink.clear();

        inTx(em -> {
            Post p = new Post("born tagged");
            p.getTags().add(em.find(Tag.class, tag.getId()));
            em.persist(p);
        });

        assertThat(sink.onlyTransaction().changes).extracting(c -> c.type, c -> c.event)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Post.class, INSERT));
    }

    @Test
    void removeWithCollection_inTransaction_reportsOnlyTheDelete() {
        Tag tag = persisted(new Tag("old"));
        Post post = inTransaction(em -> {
            Post p = new Post("dies tagged");
            p.getTags().add(em.find(Tag.class, tag.getId()));
            em.persist(p);
            return p;
        });
        sink.clear();

        inTx(em -> em.remove(em.find(Post.class, post.getId())));

        assertThat(sink.onlyTransaction().changes).extracting(c -> c.type, c -> c.event)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Post.class, DELETE));
    }

    // ---- transactions -------------------------------------------------------------------------------------------

    @Test
    void rollback_afterFlush_completesWithFalse() {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            em.persist(new Post("never"));
            em.flush();
            em.getTransaction().rollback();
        } finally {
            em.close();
        }

        Tx tx = sink.onlyTransaction();
        assertThat(tx.changes).extracting(c -> c.event).containsExactly(INSERT);
        assertThat(tx.completions).containsExactly(false);
        assertThat(sink.changedNow).isEmpty();
        assertThat(sink.bulkChangedNow).isEmpty();
    }

    @Test
    void severalFlushes_oneTransaction_completeOnceWithAllChanges() {
        inTx(em -> {
            Post p = new Post("one");
            em.persist(p);
            em.flush();
            p.setTitle("two");
            em.flush();
            em.remove(p);
        });

        Tx tx = sink.onlyTransaction();
        assertThat(tx.changes).extracting(c -> c.event).containsExactly(INSERT, UPDATE, DELETE);
        assertThat(tx.completions).containsExactly(true);
    }

    @Test
    void twoTransactions_oneEntityManager_eachCompletesOnce() {
        EntityManager em = emf.createEntityManager();
        try {
            EntityTransaction t = em.getTransaction();
            t.begin();
            Post p = new Post("first tx");
            em.persist(p);
            t.commit();
            t.begin();
            p.setTitle("second tx");
            t.commit();
        } finally {
            em.close();
        }

        assertThat(sink.transactions).hasSize(2);
        assertThat(sink.transactions.get(0).changes).extracting(c -> c.event).containsExactly(INSERT);
        assertThat(sink.transactions.get(0).completions).containsExactly(true);
        assertThat(sink.transactions.get(1).changes).extracting(c -> c.event).containsExactly(UPDATE);
        assertThat(sink.transactions.get(1).completions).containsExactly(true);
    }

    @Test
    void unwatchedEntity_inTransaction_buildsNoChange() {
        inTx(em -> em.persist(new AuditEntry("not watched")));

        assertThat(sink.asked).contains(AuditEntry.class);
        assertThat(sink.transactions).isEmpty();
        assertThat(sink.changedNow).isEmpty();
    }

    @Test
    void subclassEntity_inTransaction_reportsItsOwnClass() {
        Dog dog = inTransaction(em -> {
            Dog d = new Dog("rex");
            em.persist(d);
            return d;
        });

        assertThat(sink.onlyTransaction().changes).extracting(c -> c.type, c -> c.id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Dog.class, dog.getId()));
        assertThat(sink.onlyTransaction().changes.get(0).after).containsEntry("name", "rex").containsEntry("goodBoy", true);
    }

    @Test
    void singleTableSubclass_updated_typeIsTheConcreteClassWithInheritedAndOwnState() {
        Cat cat = persisted(new Cat("tom"));
        sink.clear();

        inTx(em -> em.find(Animal.class, cat.getId()).setName("felix"));

        Tx tx = sink.onlyTransaction();
        assertThat(tx.changes).hasSize(1);
        Recorded update = tx.changes.get(0);
        assertThat(update.type).isEqualTo(Cat.class);
        assertThat(update.event).isEqualTo(UPDATE);
        assertThat(update.id).isEqualTo(cat.getId());
        assertThat(update.dirty).containsExactly("name");
        assertThat(update.before).containsEntry("name", "tom").containsEntry("lives", 9);
        assertThat(update.after).containsEntry("name", "felix").containsEntry("lives", 9);
        assertThat(tx.completions).containsExactly(true);
    }

    @Test
    void joinedSubclass_superclassColumnUpdated_typeIsTheConcreteClass() {
        Car car = persisted(new Car("AB-123", 4));
        sink.clear();

        inTx(em -> em.find(Vehicle.class, car.getId()).setPlate("CD-456"));

        Tx tx = sink.onlyTransaction();
        assertThat(tx.changes).hasSize(1);
        Recorded update = tx.changes.get(0);
        assertThat(update.type).isEqualTo(Car.class);
        assertThat(update.event).isEqualTo(UPDATE);
        assertThat(update.id).isEqualTo(car.getId());
        assertThat(update.dirty).containsExactly("plate");
        assertThat(update.before).containsEntry("plate", "AB-123").containsEntry("seats", 4);
        assertThat(update.after).containsEntry("plate", "CD-456").containsEntry("seats", 4);
    }

    @Test
    void joinedSubclass_removed_isDeleteOfTheConcreteClassWithItsLastState() {
        Car car = persisted(new Car("EF-789", 2));
        sink.clear();

        inTx(em -> em.remove(em.find(Vehicle.class, car.getId())));

        Recorded delete = sink.onlyTransaction().changes.get(0);
        assertThat(sink.onlyTransaction().changes).hasSize(1);
        assertThat(delete.type).isEqualTo(Car.class);
        assertThat(delete.event).isEqualTo(DELETE);
        assertThat(delete.id).isEqualTo(car.getId());
        assertThat(delete.after).isNull();
        assertThat(delete.before).containsEntry("plate", "EF-789").containsEntry("seats", 2);
    }

    @Test
    void versionedEntity_updated_reportsOnlyTheChangedPropertyAsDirtyAndBothVersions() {
        Ticket ticket = persisted(new Ticket("T-1", "ann", new Money("10.00", "EUR")));
        sink.clear();

        inTx(em -> em.find(Ticket.class, ticket.getId()).setStatus(Ticket.Status.CLOSED));

        Tx tx = sink.onlyTransaction();
        assertThat(tx.changes).hasSize(1);
        Recorded update = tx.changes.get(0);
        assertThat(update.type).isEqualTo(Ticket.class);
        assertThat(update.event).isEqualTo(UPDATE);
        assertThat(update.id).isEqualTo(ticket.getId());
        assertThat(update.dirty).containsExactly("status");
        assertThat(update.before).containsEntry("version", 0).containsEntry("code", "T-1");
        assertThat(update.after).containsEntry("version", 1).containsEntry("code", "T-1");
    }

    @Test
    void enumAndConvertedValue_inState_areTheJavaValuesNotTheColumns() {
        Ticket ticket = persisted(new Ticket("T-2", "bob", new Money("10.00", "EUR")));
        sink.clear();

        inTx(em -> {
            Ticket t = em.find(Ticket.class, ticket.getId());
            t.setStatus(Ticket.Status.CLOSED);
            t.setPrice(new Money("12.50", "USD"));
        });

        Recorded update = sink.onlyTransaction().changes.get(0);
        assertThat(update.dirty).containsExactlyInAnyOrder("status", "price");
        assertThat(update.before).containsEntry("status", Ticket.Status.OPEN)
                .containsEntry("price", new Money("10.00", "EUR"));
        assertThat(update.after).containsEntry("status", Ticket.Status.CLOSED)
                .containsEntry("price", new Money("12.50", "USD"));
    }

    @Test
    void mappedSuperclassEntity_inserted_typeIsTheEntityAndStateHoldsTheInheritedProperty() {
        Ticket ticket = inTransaction(em -> {
            Ticket t = new Ticket("T-3", "cid", new Money("1.00", "EUR"));
            em.persist(t);
            return t;
        });

        Recorded insert = sink.onlyTransaction().changes.get(0);
        assertThat(sink.onlyTransaction().changes).hasSize(1);
        assertThat(insert.type).isEqualTo(Ticket.class);
        assertThat(insert.event).isEqualTo(INSERT);
        assertThat(insert.id).isEqualTo(ticket.getId());
        assertThat(insert.before).isNull();
        assertThat(insert.after).containsEntry("createdBy", "cid").containsEntry("code", "T-3")
                .containsEntry("version", 0).containsEntry("status", Ticket.Status.OPEN);
    }

    @Test
    void manyToMany_owningSideAdd_isUpdateOfTheOwnerWithOldAndNewElements() {
        Course math = persisted(new Course("math"));
        Student student = persisted(new Student("ann"));

        inTx(em -> em.find(Student.class, student.getId()).getCourses().add(em.find(Course.class, math.getId())));

        Tx tx = sink.onlyTransaction();
        assertThat(tx.changes).hasSize(1);
        Recorded update = tx.changes.get(0);
        assertThat(update.type).isEqualTo(Student.class);
        assertThat(update.event).isEqualTo(UPDATE);
        assertThat(update.id).isEqualTo(student.getId());
        assertThat(update.dirty).containsExactly("courses");
        assertThat((java.util.Set<?>) update.before.get("courses")).isEmpty();
        assertThat(((java.util.Set<?>) update.after.get("courses")).stream().map(c -> ((Course) c).getId()))
                .containsExactly(math.getId());
    }

    @Test
    void manyToMany_inverseSideAdd_isUpdateOfTheInverseOwnerOnly() {
        Course math = persisted(new Course("math"));
        Student student = persisted(new Student("bob"));

        inTx(em -> em.find(Course.class, math.getId()).getStudents().add(em.find(Student.class, student.getId())));

        Tx tx = sink.onlyTransaction();
        assertThat(tx.changes).extracting(c -> c.type, c -> c.event, c -> c.id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Course.class, UPDATE, math.getId()));
        Recorded update = tx.changes.get(0);
        assertThat(update.dirty).containsExactly("students");
        assertThat((java.util.Set<?>) update.before.get("students")).isEmpty();
        assertThat(((java.util.Set<?>) update.after.get("students")).stream().map(c -> ((Student) c).getId()))
                .containsExactly(student.getId());
    }

    @Test
    void orphanRemoval_childRemovedFromParent_isDeleteWhoseOldStateNamesTheParent() {
        Basket basket = new Basket();
        Item apple = new Item("apple", basket);
        basket.getItems().add(apple);
        persisted(basket);

        inTx(em -> em.find(Basket.class, basket.getId()).getItems().clear());

        Tx tx = sink.onlyTransaction();
        assertThat(tx.changes).extracting(c -> c.type, c -> c.event, c -> c.id).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Basket.class, UPDATE, basket.getId()),
                org.assertj.core.groups.Tuple.tuple(Item.class, DELETE, apple.getId()));
        Recorded delete = tx.changes.stream().filter(c -> c.event == DELETE).findFirst().orElseThrow();
        assertThat(delete.before).containsEntry("name", "apple");
        assertThat(((Basket) delete.before.get("basket")).getId()).isEqualTo(basket.getId());
        assertThat(delete.after).isNull();
    }

    @Test
    void childMovedBetweenParents_isUpdateWithOldAndNewParent() {
        Basket first = persisted(new Basket());
        Basket second = persisted(new Basket());
        Item pear = persisted(new Item("pear", first));

        inTx(em -> em.find(Item.class, pear.getId()).setBasket(em.find(Basket.class, second.getId())));

        Tx tx = sink.onlyTransaction();
        assertThat(tx.changes).hasSize(1);
        Recorded update = tx.changes.get(0);
        assertThat(update.type).isEqualTo(Item.class);
        assertThat(update.event).isEqualTo(UPDATE);
        assertThat(update.dirty).containsExactly("basket");
        assertThat(((Basket) update.before.get("basket")).getId()).isEqualTo(first.getId());
        assertThat(((Basket) update.after.get("basket")).getId()).isEqualTo(second.getId());
    }

    // ---- StatelessSession ---------------------------------------------------------------------------------------

    @Test
    void statelessWrites_inTransaction_areAddedAndCompletedOnCommit() {
        Post post = new Post("stateless");
        try (StatelessSession s = sessionFactory().openStatelessSession()) {
            s.getTransaction().begin();
            s.insert(post);
            post.setTitle("stateless, edited");
            s.update(post);
            s.delete(post);
            s.getTransaction().commit();
        }

        List<Recorded> added = sink.allTransactionChanges();
        assertThat(added).extracting(c -> c.type, c -> c.event, c -> c.id).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Post.class, INSERT, post.getId()),
                org.assertj.core.groups.Tuple.tuple(Post.class, UPDATE, post.getId()),
                org.assertj.core.groups.Tuple.tuple(Post.class, DELETE, post.getId()));
        assertThat(added.get(0).after).containsEntry("title", "stateless");
        Recorded update = added.get(1);
        assertThat(update.before).as("a StatelessSession update does not know the old state")
                .containsEntry("id", post.getId()).containsEntry("title", io.triggercache.Change.UNKNOWN)
                .containsEntry("tags", io.triggercache.Change.UNKNOWN);
        assertThat(update.after).containsEntry("title", "stateless, edited");
        assertThat(update.dirty).containsExactlyInAnyOrder("title", "tags");
        assertThat(added.get(2).before).containsEntry("title", "stateless, edited");
        assertThat(sink.transactions).allSatisfy(tx -> assertThat(tx.completions).containsExactly(true));
        // 6.6 events carry no session, but the session was seen beginning its transaction: pending only, as on 7
        assertThat(sink.changedNow).isEmpty();
    }

    @Test
    void statelessWrites_rolledBack_completeWithFalse() {
        try (StatelessSession s = sessionFactory().openStatelessSession()) {
            s.getTransaction().begin();
            s.insert(new Post("stateless, rolled back"));
            s.getTransaction().rollback();
        }

        assertThat(sink.allTransactionChanges()).extracting(c -> c.event).containsExactly(INSERT);
        assertThat(sink.transactions).allSatisfy(tx -> assertThat(tx.completions).containsExactly(false));
    }

    @Test
    void statelessInsert_outsideTransaction_isReportedAtOnce() {
        try (StatelessSession s = sessionFactory().openStatelessSession()) {
            Post post = new Post("auto-commit");
            s.insert(post);

            assertThat(sink.changedNow).extracting(c -> c.type, c -> c.event, c -> c.id)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Post.class, INSERT, post.getId()));
        }
        // nothing stays pending once the session is closed
        assertThat(sink.transactions).allSatisfy(tx -> assertThat(tx.completions).containsExactly(true));
    }

    @Test
    void statelessUpsert_inTransaction_isReportedAsInsertAndUpdate() {
        Post post = persisted(new Post("to upsert"));
        post.setTitle("upserted");

        try (StatelessSession s = sessionFactory().openStatelessSession()) {
            s.getTransaction().begin();
            s.upsert(post);
            s.getTransaction().commit();
        }

        assertThat(sink.allTransactionChanges()).extracting(c -> c.event, c -> c.id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(INSERT, post.getId()),
                        org.assertj.core.groups.Tuple.tuple(UPDATE, post.getId()));
        assertThat(sink.allTransactionChanges()).allSatisfy(c -> assertThat(c.after).containsEntry("title", "upserted"));
        assertThat(sink.allTransactionChanges().get(1).before).as("an upsert does not know the old state")
                .containsEntry("id", post.getId()).containsEntry("title", io.triggercache.Change.UNKNOWN);
        assertThat(sink.transactions).allSatisfy(tx -> assertThat(tx.completions).containsExactly(true));
    }

    @Test
    void statelessBulkUpdate_inTransaction_isAddedAndCompleted() {
        persisted(new Post("bulk me"));
        sink.clear();

        try (StatelessSession s = sessionFactory().openStatelessSession()) {
            s.getTransaction().begin();
            s.createMutationQuery("update Post set title = 'bulk'").executeUpdate();
            s.getTransaction().commit();
        }

        Tx tx = sink.onlyTransaction();
        assertThat(tx.bulks).containsExactly(Post.class);
        assertThat(tx.completions).containsExactly(true);
    }

    /** Issue 10, point 2: bulk DML inside a transaction is pending until the commit, never applied at once. */
    @Test
    void statelessBulkUpdate_inTransaction_isPendingUntilTheCommitNotAppliedAtOnce() {
        persisted(new Post("bulk me"));

        try (StatelessSession s = sessionFactory().openStatelessSession()) {
            s.getTransaction().begin();
            s.createMutationQuery("update Post set title = 'bulk'").executeUpdate();

            assertThat(sink.bulkChangedNow).as("nothing applied before the commit").isEmpty();
            s.getTransaction().commit();
        }

        assertThat(sink.transactions).flatExtracting(tx -> tx.bulks).containsExactly(Post.class);
        assertThat(sink.transactions).allSatisfy(tx -> assertThat(tx.completions).containsExactly(true));
        assertThat(sink.bulkChangedNow).isEmpty();
    }

    @Test
    void statelessBulkUpdate_rolledBack_dropsNothing() {
        persisted(new Post("bulk me"));

        try (StatelessSession s = sessionFactory().openStatelessSession()) {
            s.getTransaction().begin();
            s.createMutationQuery("update Post set title = 'bulk'").executeUpdate();
            s.getTransaction().rollback();
        }

        assertThat(sink.bulkChangedNow).as("a rollback leaves the cache as if the transaction never ran").isEmpty();
        assertThat(sink.transactions).allSatisfy(tx -> assertThat(tx.completions).containsExactly(false));
    }

    @Test
    void statelessBulkUpdate_afterAnInsert_inTransaction_isPendingUntilTheCommit() {
        try (StatelessSession s = sessionFactory().openStatelessSession()) {
            s.getTransaction().begin();
            s.insert(new Post("stateless"));
            s.createMutationQuery("update Post set title = 'bulk'").executeUpdate();
            s.getTransaction().rollback();
        }

        assertThat(sink.bulkChangedNow).isEmpty();
        assertThat(sink.transactions).flatExtracting(tx -> tx.bulks).containsExactly(Post.class);
        assertThat(sink.transactions).allSatisfy(tx -> assertThat(tx.completions).containsExactly(false));
    }

    @Test
    void hqlDelete_ofEntityWithJoinTable_inTransaction_everyStatementIsPending() {
        Tag tag = persisted(new Tag("java"));
        Post post = new Post("tagged");
        post.getTags().add(tag);
        persisted(post);

        // Hibernate deletes the post_tag rows, then the posts: two statements, one auto-flush
        inTx(em -> em.createQuery("delete from Post where title = 'tagged'").executeUpdate());

        Tx tx = sink.onlyTransaction();
        assertThat(tx.bulks).containsOnly(Post.class);
        assertThat(tx.completions).containsExactly(true);
        assertThat(sink.bulkChangedNow).as("pending until the commit, not applied at once").isEmpty();
    }

    // ---- bulk DML -----------------------------------------------------------------------------------------------

    @Test
    void hqlUpdate_inTransaction_addsBulkOfEntity() {
        persisted(new Post("before bulk"));
        sink.clear();

        inTx(em -> em.createQuery("update Post set title = :t").setParameter("t", "after bulk").executeUpdate());

        Tx tx = sink.onlyTransaction();
        assertThat(tx.bulks).containsOnly(Post.class);
        assertThat(tx.changes).isEmpty();
        assertThat(tx.completions).containsExactly(true);
        assertThat(sink.bulkChangedNow).isEmpty();
    }

    @Test
    void hqlDelete_inTransaction_addsBulkOfEntity() {
        Post post = persisted(new Post("with comments"));
        persisted(new Comment("to purge", post));
        sink.clear();

        inTx(em -> em.createQuery("delete from Comment where text = 'to purge'").executeUpdate());

        assertThat(sink.onlyTransaction().bulks).containsOnly(Comment.class);
        assertThat(sink.onlyTransaction().completions).containsExactly(true);
    }

    @Test
    void criteriaDelete_inTransaction_addsBulkOfEntity() {
        persisted(new Tag("criteria"));
        sink.clear();

        inTx(em -> {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaDelete<Tag> delete = cb.createCriteriaDelete(Tag.class);
            Root<Tag> tag = delete.from(Tag.class);
            delete.where(cb.equal(tag.get("name"), "criteria"));
            em.createQuery(delete).executeUpdate();
        });

        assertThat(sink.onlyTransaction().bulks).containsOnly(Tag.class);
    }

    @Test
    void hqlUpdate_ofSingleTableSubclass_addsBulkOfEveryClassInTheTable() {
        persisted(new Dog("fido"));
        persisted(new Cat("tom"));
        sink.clear();

        inTx(em -> em.createQuery("update Dog set name = 'good dog'").executeUpdate());

        assertThat(sink.onlyTransaction().bulks).containsOnly(Animal.class, Dog.class, Cat.class);
    }

    @Test
    void hqlUpdate_ofJoinedSubclass_addsBulkOfTheSubclass() {
        persisted(new Car("AB-123", 4));
        sink.clear();

        inTx(em -> em.createQuery("update Car set seats = 5").executeUpdate());

        assertThat(sink.onlyTransaction().bulks).contains(Car.class).isSubsetOf(Car.class, Vehicle.class);
    }

    @Test
    void nativeUpdate_namingTheTable_addsBulkOfTheEntity() {
        Post post = persisted(new Post("native"));
        persisted(new Comment("native comment", post));
        sink.clear();

        inTx(em -> em.createNativeQuery("update comment set text = 'rewritten'").executeUpdate());

        assertThat(sink.onlyTransaction().bulks).containsOnly(Comment.class);
        assertThat(sink.onlyTransaction().completions).containsExactly(true);
    }

    @Test
    void nativeUpdate_namingASharedTable_addsBulkOfEveryClassInIt() {
        persisted(new Dog("lassie"));
        sink.clear();

        inTx(em -> em.createNativeQuery("update animal set name = 'renamed'").executeUpdate());

        assertThat(sink.onlyTransaction().bulks).containsOnly(Animal.class, Dog.class, Cat.class);
    }

    @Test
    void nativeDelete_withSynchronizedEntityClass_addsBulkOfThatEntity() {
        inTx(em -> em.createNativeQuery("delete from post_stats")
                .unwrap(NativeQuery.class)
                .addSynchronizedEntityClass(Post.class)
                .executeUpdate());

        assertThat(sink.onlyTransaction().bulks).containsOnly(Post.class);
    }

    @Test
    void nativeDelete_ofUnmappedTable_addsNothing() {
        inTx(em -> em.createNativeQuery("delete from post_stats").executeUpdate());

        assertThat(sink.transactions).allSatisfy(tx -> assertThat(tx.bulks).isEmpty());
        assertThat(sink.bulkChangedNow).isEmpty();
    }

    @Test
    void queriesAndEntityWrites_inTransaction_areNotTakenForBulk() {
        Post post = persisted(new Post("read me"));
        sink.clear();

        inTx(em -> {
            em.createQuery("select p from Post p where p.title = 'read me'", Post.class).getResultList();
            em.find(Post.class, post.getId()).setTitle("read and written");
            em.createQuery("select count(c) from Comment c", Long.class).getSingleResult();
            em.persist(new Comment("new", em.getReference(Post.class, post.getId())));
        });

        Tx tx = sink.onlyTransaction();
        assertThat(tx.bulks).isEmpty();
        assertThat(tx.changes).extracting(c -> c.type, c -> c.event).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Post.class, UPDATE),
                org.assertj.core.groups.Tuple.tuple(Comment.class, INSERT));
        assertThat(sink.bulkChangedNow).isEmpty();
    }

    // ---- unknown old state (issue 11, points 1 and 2) -------------------------------------------------------------

    @Test
    void elementCollectionReplaced_neverLoaded_oldElementsAreUnknownNotEmpty() {
        Cargo cargo = persisted(new Cargo("ABC", new Itinerary(List.of(new Leg("SEHAM"))), List.of("fragile", "urgent")));

        inTx(em -> em.find(Cargo.class, cargo.getId()).setLabels(new java.util.ArrayList<>(List.of("plain"))));

        List<Recorded> changes = sink.onlyTransaction().changes;
        assertThat(changes).isNotEmpty().allSatisfy(c -> {
            assertThat(c.event).isEqualTo(UPDATE);
            assertThat(c.dirty).containsExactly("labels");
            assertThat(c.after.get("labels")).asList().containsExactly("plain");
        });
        // the owner's update and the old collection's removal carry the old labels, never loaded: unknown (not
        // "no labels", not a collection that would load during the flush); the new collection's creation had none
        assertThat(changes).extracting(c -> c.before.get("labels")).containsExactly(
                io.triggercache.Change.UNKNOWN, io.triggercache.Change.UNKNOWN, List.of());
    }

    @Test
    void collectionInsideEmbeddableReplaced_neverLoaded_oldEmbeddableIsUnknown() {
        Cargo cargo = persisted(new Cargo("DEF", new Itinerary(List.of(new Leg("SEHAM"), new Leg("CNHKG"))), List.of()));

        inTx(em -> em.find(Cargo.class, cargo.getId()).setItinerary(new Itinerary(List.of(new Leg("USNYC")))));

        List<Recorded> changes = sink.onlyTransaction().changes;
        assertThat(changes).isNotEmpty().allSatisfy(c -> assertThat(c.dirty).containsExactly("itinerary", "itinerary.legs"));
        assertThat(changes).extracting(c -> c.before.get("itinerary"))
                .as("the old list's removal: its legs were never loaded, so the old itinerary is unknown; "
                        + "then the new list's creation: the itinerary had no legs before it")
                .hasSize(2).first().isSameAs(io.triggercache.Change.UNKNOWN);
        assertThat(((Itinerary) changes.get(1).before.get("itinerary")).getLegs()).isEmpty();
        assertThat(changes).extracting(c -> c.after.get("itinerary")).allSatisfy(v ->
                assertThat(((Itinerary) v).getLegs()).extracting(Leg::getLoadLocation).containsExactly("USNYC"));
    }

    @Test
    void collectionInsideEmbeddableChanged_loaded_beforeIsTheEmbeddableWithItsOldLegs() {
        Cargo cargo = persisted(new Cargo("GHI", new Itinerary(List.of(new Leg("SEHAM"), new Leg("CNHKG"))), List.of()));

        inTx(em -> {
            List<Leg> legs = em.find(Cargo.class, cargo.getId()).getItinerary().getLegs();
            legs.remove(0);                                            // loaded, then edited in place
            legs.add(new Leg("USNYC"));
        });

        List<Recorded> changes = sink.onlyTransaction().changes;
        assertThat(changes).hasSize(1);
        Recorded update = changes.get(0);
        assertThat(update.dirty).as("the embeddable and the path to its collection").containsExactly("itinerary", "itinerary.legs");
        assertThat(update.before.get("itinerary")).as("before() gives the embeddable, not its list").isInstanceOf(Itinerary.class);
        assertThat(((Itinerary) update.before.get("itinerary")).getLegs()).extracting(Leg::getLoadLocation)
                .containsExactly("SEHAM", "CNHKG");
        assertThat(((Itinerary) update.after.get("itinerary")).getLegs()).extracting(Leg::getLoadLocation)
                .containsExactly("CNHKG", "USNYC");
    }

    // ---- lost updates without @Version (issue 11, point 3) ------------------------------------------------------

    @Test
    void lostUpdate_withoutVersion_staleWriterAlsoReportsTheStateItOverwrote() {
        Post first = persisted(new Post("first"));
        Post second = persisted(new Post("second"));
        Comment comment = persisted(new Comment("text", first));
        EntityManager b = emf.createEntityManager();
        try {
            b.getTransaction().begin();
            Comment stale = b.find(Comment.class, comment.getId());                  // B loads it: post 1

            inTx(a -> a.find(Comment.class, comment.getId()).setPost(a.getReference(Post.class, second.getId())));
            sink.clear();                                                           // A moved it to post 2, committed

            stale.setText("edited by B");
            b.getTransaction().commit();                                            // the full-row UPDATE writes post 1 back
        } finally {
            b.close();
        }

        List<Recorded> changes = sink.onlyTransaction().changes;
        assertThat(changes).extracting(c -> idOf(c.before.get("post")))
                .as("B's own old state, and the state it overwrote, whose group (post 2) must drop too")
                .containsExactly(first.getId(), second.getId());
        assertThat(changes).extracting(c -> idOf(c.after.get("post"))).containsOnly(first.getId());
        assertThat(changes).extracting(c -> c.event).containsOnly(UPDATE);
    }

    /**
     * The race PostgreSQL READ COMMITTED showed (the oracle's 13 stale reads): B's UPDATE waits for A's row lock and
     * runs the moment A's database commit releases it, before A's own transaction-completion callback has run. B's
     * flush is forced into that window: from a listener of A's session, registered before triggercache's own.
     */
    @Test
    void lostUpdate_flushedBetweenTheOtherCommitAndItsCompletion_stillReportsTheStateItOverwrote() {
        Post first = persisted(new Post("first"));
        Post second = persisted(new Post("second"));
        Comment comment = persisted(new Comment("text", first));
        EntityManager b = emf.createEntityManager();
        Object bKey = b.unwrap(org.hibernate.Session.class);
        try {
            b.getTransaction().begin();
            Comment stale = b.find(Comment.class, comment.getId());                  // B loads it: post 1

            EntityManager a = emf.createEntityManager();
            try {
                a.unwrap(org.hibernate.Session.class).addEventListeners(new org.hibernate.SessionEventListener() {
                    @Override
                    public void transactionCompletion(boolean successful) {
                        // A has committed in the database; its completion callbacks are still running
                        stale.setText("edited by B");
                        b.flush();                                                  // B writes post 1 back
                    }
                });
                a.getTransaction().begin();
                a.find(Comment.class, comment.getId()).setPost(a.getReference(Post.class, second.getId()));
                a.getTransaction().commit();                                        // A moves it to post 2
            } finally {
                a.close();
            }
            b.getTransaction().commit();
        } finally {
            b.close();
        }

        List<Recorded> changes = sink.transactions.stream().filter(tx -> tx.key == bKey).findFirst().orElseThrow().changes;
        assertThat(changes).extracting(c -> idOf(c.before.get("post")))
                .as("B's own old state, and the state it overwrote, whose group (post 2) must drop too")
                .containsExactly(first.getId(), second.getId());
        assertThat(changes).extracting(c -> idOf(c.after.get("post"))).containsOnly(first.getId());
    }

    /**
     * A bulk statement carries no entity states, so the state a stale writer overwrites after it is not known: the
     * oracle's MariaDB run (a post made PUBLISHED by a bulk JPQL update, then a detached copy still DRAFT merged to
     * ARCHIVED; PUBLISHED stayed cached). The writer's old state is then reported as unknown too.
     */
    @Test
    void lostUpdate_afterABulkUpdateCommitted_alsoReportsAnUnknownOldState() {
        Post first = persisted(new Post("first"));
        Post second = persisted(new Post("second"));
        Comment comment = persisted(new Comment("text", first));
        EntityManager b = emf.createEntityManager();
        try {
            b.getTransaction().begin();
            Comment stale = b.find(Comment.class, comment.getId());                  // B loads it: post 1

            inTx(a -> a.createQuery("update Comment c set c.post = :p where c.id = :id")
                    .setParameter("p", a.getReference(Post.class, second.getId())).setParameter("id", comment.getId())
                    .executeUpdate());                                              // A moved it to post 2 in bulk
            sink.clear();

            stale.setText("edited by B");
            b.getTransaction().commit();                                            // the full-row UPDATE writes post 1 back
        } finally {
            b.close();
        }

        assertThat(sink.onlyTransaction().changes).extracting(c -> postOrUnknown(c.before.get("post")))
                .as("B's own old state, and an unknown one: the bulk wrote a state no event carried")
                .containsExactly(first.getId(), Change.UNKNOWN);
    }

    /** The same, with B's flush forced between A's database commit and A's completion (see above). */
    @Test
    void lostUpdate_flushedWhileABulkUpdateCompletes_alsoReportsAnUnknownOldState() {
        Post first = persisted(new Post("first"));
        Post second = persisted(new Post("second"));
        Comment comment = persisted(new Comment("text", first));
        EntityManager b = emf.createEntityManager();
        Object bKey = b.unwrap(org.hibernate.Session.class);
        try {
            b.getTransaction().begin();
            Comment stale = b.find(Comment.class, comment.getId());                  // B loads it: post 1

            EntityManager a = emf.createEntityManager();
            try {
                a.unwrap(org.hibernate.Session.class).addEventListeners(new org.hibernate.SessionEventListener() {
                    @Override
                    public void transactionCompletion(boolean successful) {
                        stale.setText("edited by B");
                        b.flush();                                                  // B writes post 1 back
                    }
                });
                a.getTransaction().begin();
                a.createQuery("update Comment c set c.post = :p where c.id = :id")
                        .setParameter("p", a.getReference(Post.class, second.getId())).setParameter("id", comment.getId())
                        .executeUpdate();
                a.getTransaction().commit();
            } finally {
                a.close();
            }
            b.getTransaction().commit();
        } finally {
            b.close();
        }

        List<Recorded> changes = sink.transactions.stream().filter(tx -> tx.key == bKey).findFirst().orElseThrow().changes;
        assertThat(changes).extracting(c -> postOrUnknown(c.before.get("post")))
                .containsExactly(first.getId(), Change.UNKNOWN);
    }

    /** A bulk update committed before the writer's session read anything: its load saw it, nothing is unknown. */
    @Test
    void update_afterABulkUpdateItsSessionSaw_reportsOnlyItsOwnChange() {
        Post first = persisted(new Post("first"));
        Post second = persisted(new Post("second"));
        Comment comment = persisted(new Comment("text", first));
        inTx(a -> a.createQuery("update Comment c set c.post = :p where c.id = :id")
                .setParameter("p", a.getReference(Post.class, second.getId())).setParameter("id", comment.getId())
                .executeUpdate());
        long committed = System.currentTimeMillis();
        while (System.currentTimeMillis() <= committed) {
            Thread.onSpinWait();                                                    // B's first read starts a later millisecond
        }
        sink.clear();

        inTx(b -> b.find(Comment.class, comment.getId()).setText("edited after the bulk"));

        assertThat(sink.onlyTransaction().changes).extracting(c -> postOrUnknown(c.before.get("post")))
                .containsExactly(second.getId());
    }

    static Object postOrUnknown(Object post) {
        return post == Change.UNKNOWN ? post : idOf(post);
    }

    @Test
    void update_afterAnotherCommit_loadedFresh_reportsOnlyItsOwnChange() {
        Post first = persisted(new Post("first"));
        Post second = persisted(new Post("second"));
        Comment comment = persisted(new Comment("text", first));
        inTx(a -> a.find(Comment.class, comment.getId()).setPost(a.getReference(Post.class, second.getId())));
        sink.clear();

        inTx(b -> b.find(Comment.class, comment.getId()).setText("edited after the move"));  // loads post 2: not stale

        assertThat(sink.onlyTransaction().changes).extracting(c -> idOf(c.before.get("post")))
                .containsExactly(second.getId());
    }

    // ---- wide drops (issue 11, point 4) -------------------------------------------------------------------------

    /** A null object shared by every new cargo, as the cargo-tracking application's {@code Itinerary.EMPTY}. */
    static final Itinerary SHARED_EMPTY = new Itinerary(List.of());

    @Test
    void sharedEmptyEmbeddable_reusedByNewOwners_eachInsertIsExactNotABulkDrop() {
        Cargo first = persisted(new Cargo("SH1", SHARED_EMPTY, List.of()));   // Hibernate wraps the shared list here

        Cargo second = inTransaction(em -> {
            Cargo c = new Cargo("SH2", SHARED_EMPTY, List.of());
            em.persist(c);
            return c;
        });

        Tx tx = sink.onlyTransaction();
        // the shared list, wrapped for the first cargo, moves to the second: Hibernate removes the (empty) rows under
        // the first cargo's key, which once made every Cargo trigger drop its whole method
        assertThat(tx.bulks).as("no whole-method drop").isEmpty();
        assertThat(tx.changes).extracting(c -> c.event, c -> c.id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(INSERT, second.getId()));
        assertThat(first.getId()).isNotEqualTo(second.getId());
    }

    // ---- mapping coverage (issue 11, point 7) ------------------------------------------------------------------

    @Test
    void lazyManyToOne_inOldAndNewState_isAProxyWhoseIdReadsWithoutLoadingThePost() {
        Post post = persisted(new Post("lazy"));
        Comment comment = persisted(new Comment("text", post));

        inTx(em -> em.find(Comment.class, comment.getId()).setText("edited"));

        Recorded update = sink.onlyTransaction().changes.get(0);
        for (Object side : new Object[] {update.before.get("post"), update.after.get("post")}) {
            assertThat(side).isInstanceOf(HibernateProxy.class);
            assertThat(((Post) side).getId()).as("comment.post.id, as a suffix path reads it").isEqualTo(post.getId());
            assertThat(org.hibernate.Hibernate.isInitialized(side)).as("the post was never loaded").isFalse();
        }
        assertThat(update.dirty).containsExactly("text");
    }

    /** A trigger on Gathering with suffix {@code zone}: the groups these changes drop (old and new zones). */
    static java.util.Set<Object> zoneGroups(List<Recorded> changes) {
        return groups(changes, state -> List.of(state.get("zone")));
    }

    /**
     * The groups a trigger whose suffix gives {@code values} of a state would drop for {@code changes}: the values
     * of every old and new state; {@code "ALL"} where a state is {@link io.triggercache.Change#UNKNOWN}.
     */
    static java.util.Set<Object> groups(List<Recorded> changes, Function<Map<String, Object>, java.util.Collection<?>> values) {
        java.util.Set<Object> groups = new java.util.TreeSet<>(java.util.Comparator.comparing(String::valueOf));
        for (Recorded c : changes) {
            for (Map<String, Object> state : java.util.Arrays.asList(c.before, c.after)) {
                if (state == null) {
                    continue;
                }
                java.util.Collection<?> v = values.apply(state);
                if (v.contains(io.triggercache.Change.UNKNOWN)) {
                    groups.add("ALL");
                } else {
                    groups.addAll(v);
                }
            }
        }
        return groups;
    }

    @Test
    void tablePerClass_superclassWatched_eachSubclassChangeIsItsOwnClassWithTheInheritedZone() {
        Webinar webinar = persisted(new Webinar("EU", "https://example.org/w"));
        Meetup meetup = persisted(new Meetup("EU", "Town hall", List.of()));

        inTx(em -> {
            em.find(Gathering.class, webinar.getId()).setZone("US");       // loaded through the superclass
            em.find(Gathering.class, meetup.getId()).setZone("ASIA");
        });

        List<Recorded> changes = sink.onlyTransaction().changes;
        assertThat(changes).extracting(c -> c.type, c -> c.event, c -> c.id).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Webinar.class, UPDATE, webinar.getId()),
                org.assertj.core.groups.Tuple.tuple(Meetup.class, UPDATE, meetup.getId()));
        assertThat(changes).allSatisfy(c -> assertThat(c.dirty).containsExactly("zone"));
        assertThat(zoneGroups(changes)).as("a trigger on Gathering by zone").containsExactly("ASIA", "EU", "US");
        assertThat(zoneGroups(changes.stream().filter(c -> c.type == Meetup.class).toList()))
                .as("a trigger on Meetup by zone").containsExactly("ASIA", "EU");
    }

    @Test
    void tablePerClass_onlyOneSubclassWatched_theOtherSubclassBuildsNothing() {
        Webinar webinar = persisted(new Webinar("EU", "https://example.org/w"));
        Meetup meetup = persisted(new Meetup("EU", "Town hall", List.of()));
        sink.watchOnly(Meetup.class);
        try {
            inTx(em -> {
                em.find(Gathering.class, webinar.getId()).setZone("US");
                em.find(Gathering.class, meetup.getId()).setZone("ASIA");
            });
            inTx(em -> em.createQuery("update Webinar set zone = 'AFRICA'").executeUpdate());
            inTx(em -> em.remove(em.find(Webinar.class, webinar.getId())));

            assertThat(sink.allTransactionChanges()).extracting(c -> c.type, c -> c.id)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Meetup.class, meetup.getId()));
            assertThat(zoneGroups(sink.allTransactionChanges())).containsExactly("ASIA", "EU");
            assertThat(sink.transactions).flatExtracting(tx -> tx.bulks).as("the webinar table holds no Meetup").isEmpty();
            assertThat(sink.bulkChangedNow).isEmpty();
        } finally {
            sink.watchAll();
        }
    }

    @Test
    void tablePerClass_bulkUpdateOfTheSuperclass_isABulkOfEachSubclassPendingInTheTransaction() {
        persisted(new Webinar("EU", "https://example.org/w"));
        persisted(new Meetup("EU", "Town hall", List.of()));

        inTx(em -> em.createQuery("update Gathering set zone = 'US'").executeUpdate());   // one UPDATE per table

        Tx tx = sink.onlyTransaction();
        assertThat(tx.bulks).contains(Gathering.class, Webinar.class, Meetup.class);
        assertThat(tx.completions).containsExactly(true);
        assertThat(sink.bulkChangedNow).as("pending until the commit, not applied at once").isEmpty();
    }

    @Test
    void elementCollectionReplaced_loaded_oldAndNewElementsExactly() {
        Cargo cargo = persisted(new Cargo("LOD", new Itinerary(List.of()), List.of("fragile", "urgent")));

        inTx(em -> {
            Cargo c = em.find(Cargo.class, cargo.getId());
            assertThat(c.getLabels()).hasSize(2);                              // loaded
            c.setLabels(new java.util.ArrayList<>(List.of("plain", "urgent")));
        });

        List<Recorded> changes = sink.onlyTransaction().changes;
        assertThat(changes).isNotEmpty().allSatisfy(c -> {
            assertThat(c.event).isEqualTo(UPDATE);
            assertThat(c.dirty).containsExactly("labels");
        });
        assertThat(groups(changes, state -> (java.util.Collection<?>) state.get("labels")))
                .as("a trigger by label: the loaded old labels and the new ones, no 'all groups'")
                .containsExactly("fragile", "plain", "urgent");
    }

    @Test
    void elementCollectionOfEmbeddables_editedLoaded_oldAndNewElementsExactly() {
        Meetup meetup = persisted(new Meetup("EU", "Town hall", List.of(new Leg("SEHAM"), new Leg("CNHKG"))));

        inTx(em -> {
            List<Leg> stops = em.find(Meetup.class, meetup.getId()).getStops();
            stops.remove(0);
            stops.add(new Leg("USNYC"));
        });

        List<Recorded> changes = sink.onlyTransaction().changes;
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).dirty).containsExactly("stops");
        assertThat(groups(changes, state -> ((List<?>) state.get("stops")).stream().map(l -> ((Leg) l).getLoadLocation()).toList()))
                .containsExactly("CNHKG", "SEHAM", "USNYC");
    }

    @Test
    void elementCollectionOfEmbeddables_replacedNeverLoaded_oldElementsAreUnknown() {
        Meetup meetup = persisted(new Meetup("EU", "Town hall", List.of(new Leg("SEHAM"))));

        inTx(em -> em.find(Meetup.class, meetup.getId()).setStops(new java.util.ArrayList<>(List.of(new Leg("USNYC")))));

        List<Recorded> changes = sink.onlyTransaction().changes;
        assertThat(changes).isNotEmpty().allSatisfy(c -> assertThat(c.dirty).containsExactly("stops"));
        assertThat(groups(changes, state -> state.get("stops") == io.triggercache.Change.UNKNOWN
                ? List.of(io.triggercache.Change.UNKNOWN)
                : ((List<?>) state.get("stops")).stream().map(l -> ((Leg) l).getLoadLocation()).toList()))
                .as("the old stops were never loaded: every group they could have been in").containsExactly("ALL", "USNYC");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    SessionFactory sessionFactory() {
        return emf.unwrap(SessionFactory.class);
    }

    <T> T persisted(T entity) {
        inTx(em -> em.persist(entity));
        sink.clear();
        return entity;
    }

    void inTx(Consumer<EntityManager> work) {
        inTransaction((Function<EntityManager, Object>) em -> {
            work.accept(em);
            return null;
        });
    }

    <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    static Object idOf(Object entity) {
        if (entity instanceof HibernateProxy) {
            return ((HibernateProxy) entity).getHibernateLazyInitializer().getInternalIdentifier();
        }
        return ((Post) entity).getId();
    }
}
