package io.triggercache.hibernate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import io.triggercache.Change;
import io.triggercache.hibernate.Database;
import io.triggercache.hibernate.TriggerCacheSettings;
import io.triggercache.hibernate.entities.Post;

import org.hibernate.bytecode.enhance.spi.LazyPropertyInitializer;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.junit.jupiter.api.Test;

/** One side of a change read by name: what a value the state does not hold reads as. */
class PropertyStateTest {

    @Test
    void unfetchedLazyAttribute_readsUnknown_notNull() {
        try (Database db = Database.h2()) {
            Map<String, Object> properties = new java.util.HashMap<>(db.properties());
            properties.put(TriggerCacheSettings.ENABLED, "false");
            EntityManagerFactory emf = Persistence.createEntityManagerFactory("triggercache-test", properties);
            try {
                SessionFactoryImplementor factory = emf.unwrap(SessionFactoryImplementor.class);
                EntityPersister persister = factory.getMappingMetamodel().getEntityDescriptor(Post.class);
                EntityMetadata m = new EntityMetadata(persister, factory.getMappingMetamodel());
                Object[] values = new Object[m.names.length];
                values[m.position("title")] = LazyPropertyInitializer.UNFETCHED_PROPERTY; // as an enhanced entity's old state holds it

                PropertyState old = new PropertyState(m, 7L, values, null);

                assertThat(old.get("title")).isSameAs(Change.UNKNOWN);
                assertThat(old.get("id")).isEqualTo(7L);
                assertThat(PropertyState.unknown(m, 7L).get("tags")).isSameAs(Change.UNKNOWN);
                assertThat(PropertyState.unknown(m, 7L).get("id")).isEqualTo(7L);
            } finally {
                emf.close();
            }
        }
    }
}
