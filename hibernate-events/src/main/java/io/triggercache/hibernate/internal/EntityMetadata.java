package io.triggercache.hibernate.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.hibernate.metamodel.MappingMetamodel;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.CollectionType;
import org.hibernate.type.Type;

/**
 * What the listeners need to know about one entity persister, computed once per session factory: the mapped
 * class, the property names with their positions in Hibernate's state arrays, and the tables its own
 * statements write.
 */
final class EntityMetadata {

    final Class<?> type;
    final String entityName;
    final String idName;
    final String[] names;
    final Map<String, Integer> positions;
    /** Every persistent property (not the identifier), in mapping order. */
    final Set<String> allProperties;
    /** Normalized names of the tables that inserting, updating or deleting one such entity writes. */
    final Set<String> ownTables;

    EntityMetadata(EntityPersister persister, MappingMetamodel metamodel) {
        this.type = persister.getMappedClass();
        this.entityName = persister.getEntityName();
        this.idName = persister.getIdentifierPropertyName();
        this.names = persister.getPropertyNames().clone();
        Map<String, Integer> pos = new HashMap<>(names.length * 2);
        LinkedHashSet<String> all = new LinkedHashSet<>();
        for (int i = 0; i < names.length; i++) {
            pos.put(names[i], i);
            all.add(names[i]);
        }
        this.positions = pos;
        this.allProperties = Collections.unmodifiableSet(all);

        Set<String> tables = new LinkedHashSet<>();
        for (String space : persister.getPropertySpaces()) {
            tables.add(SqlTables.normalize(space));
        }
        // a StatelessSession writes the owned collections inside the same operation as the owner
        Type[] types = persister.getPropertyTypes();
        for (Type t : types) {
            if (t instanceof CollectionType) {
                for (String space : metamodel.getCollectionDescriptor(((CollectionType) t).getRole()).getCollectionSpaces()) {
                    tables.add(SqlTables.normalize(space));
                }
            }
        }
        this.ownTables = Collections.unmodifiableSet(tables);
    }

    /** The position of {@code property} in the state arrays, or -1. */
    int position(String property) {
        Integer p = positions.get(property);
        return p == null ? -1 : p;
    }

    String knownProperties() {
        StringBuilder sb = new StringBuilder();
        if (idName != null) {
            sb.append(idName);
        }
        for (String n : names) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(n);
        }
        return sb.toString();
    }
}
