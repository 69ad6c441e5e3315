package io.triggercache.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Transient;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the portable source reads an entity class: attributes, their kinds, and which are lazy. */
class EntityShapeTest {

    @MappedSuperclass
    static class Base {
        @Id
        Long id;
        int version;
    }

    @Embeddable
    static class Address {
        String city;
    }

    @Entity
    static class Order extends Base {
        String status;
        LocalDate due;
        Date legacy;
        @Embedded
        Address address;
        @ManyToOne(fetch = FetchType.LAZY)
        Order parent;
        @ManyToOne
        Order previous;
        @OneToMany
        List<Order> children;
        @Transient
        String ignored;
        transient String alsoIgnored;
        String _persistence_woven;

        public String getStatus() {
            return "via getter";
        }
    }

    @Entity
    static class PropertyAccess {
        private Long key;
        private String name;

        @Id
        public Long getKey() {
            return key;
        }

        public void setKey(Long key) {
            this.key = key;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        @Transient
        public String getDisplay() {
            return "x";
        }

        public void setDisplay(String display) {
        }

        public String getComputed() {
            return "no setter";
        }
    }

    @Test
    void fieldAccess_findsMappedAttributesOfTheHierarchy_andSkipsTransientAndWovenFields() {
        EntityShape shape = EntityShape.of(Order.class);
        assertThat(shape.names).containsExactly("id", "version", "status", "due", "legacy", "address", "parent", "previous", "children");
    }

    @Test
    void kinds_separateImmutableValues_references_andWhatMayChangeInPlace() {
        EntityShape shape = EntityShape.of(Order.class);
        assertThat(shape.kinds[shape.indexOf("status")]).isEqualTo(EntityShape.Kind.VALUE);
        assertThat(shape.kinds[shape.indexOf("due")]).isEqualTo(EntityShape.Kind.VALUE);
        assertThat(shape.kinds[shape.indexOf("version")]).isEqualTo(EntityShape.Kind.VALUE);
        assertThat(shape.kinds[shape.indexOf("legacy")]).isEqualTo(EntityShape.Kind.MUTABLE);
        assertThat(shape.kinds[shape.indexOf("address")]).isEqualTo(EntityShape.Kind.MUTABLE);
        assertThat(shape.kinds[shape.indexOf("children")]).isEqualTo(EntityShape.Kind.MUTABLE);
        assertThat(shape.kinds[shape.indexOf("parent")]).isEqualTo(EntityShape.Kind.REFERENCE);
        assertThat(shape.lazy[shape.indexOf("parent")]).isTrue();
        assertThat(shape.lazy[shape.indexOf("previous")]).isFalse();
    }

    @Test
    void values_areReadThroughThePublicGetterWhenThereIsOne() {
        Order o = new Order();
        o.id = 7L;
        o.status = "field value";
        EntityShape shape = EntityShape.of(Order.class);
        assertThat(shape.read(o, shape.indexOf("status"))).isEqualTo("via getter");
        assertThat(shape.id(o)).isEqualTo(7L);
    }

    @Test
    void propertyAccess_usesGetterSetterPairs_withoutTransientOnes() {
        EntityShape shape = EntityShape.of(PropertyAccess.class);
        assertThat(shape.names).containsExactlyInAnyOrder("key", "name");
        PropertyAccess p = new PropertyAccess();
        p.setKey(3L);
        assertThat(shape.id(p)).isEqualTo(3L);
    }
}
