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
    /** The property types, by position. */
    final Type[] types;
    /** Whether the property at each position is an embeddable holding a collection, at any depth. */
    final boolean[] collectionInside;
    /** The recent committed states, for entities without {@code @Version}; {@code null} for versioned ones. */
    final RecentCommits recent;
    private final org.hibernate.engine.spi.SessionFactoryImplementor factory;
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
        this.types = types.clone();
        this.recent = persister.isVersioned() ? null : new RecentCommits();
        this.factory = persister.getFactory();
        this.collectionInside = new boolean[types.length];
        for (int i = 0; i < types.length; i++) {
            collectionInside[i] = holdsCollection(types[i]);
        }
        for (Type t : types) {
            if (t instanceof CollectionType) {
                for (String space : metamodel.getCollectionDescriptor(((CollectionType) t).getRole()).getCollectionSpaces()) {
                    tables.add(SqlTables.normalize(space));
                }
            }
        }
        this.ownTables = Collections.unmodifiableSet(tables);
    }

    /**
     * A copy of a state array that later changes of the entity do not alter, for {@link RecentCommits}: values deep
     * copied as Hibernate copies its loaded states, collections as {@link io.triggercache.Change#UNKNOWN} (their
     * elements change in place).
     */
    Object[] committedCopy(Object[] state) {
        Object[] copy = new Object[state.length];
        for (int i = 0; i < state.length; i++) {
            Object v = state[i];
            if (types[i] instanceof CollectionType || collectionInside[i]) {
                copy[i] = io.triggercache.Change.UNKNOWN;
            } else if (v == org.hibernate.bytecode.enhance.spi.LazyPropertyInitializer.UNFETCHED_PROPERTY) {
                copy[i] = v;
            } else {
                copy[i] = types[i].deepCopy(v, factory);
            }
        }
        return copy;
    }

    /** Whether {@code loaded} equals {@code committed} (a {@link #committedCopy}) in every value the copy knows. */
    boolean sameState(Object[] loaded, Object[] committed) {
        for (int i = 0; i < committed.length; i++) {
            Object c = committed[i];
            Object l = loaded[i];
            if (c == io.triggercache.Change.UNKNOWN || c == org.hibernate.bytecode.enhance.spi.LazyPropertyInitializer.UNFETCHED_PROPERTY
                    || l == org.hibernate.bytecode.enhance.spi.LazyPropertyInitializer.UNFETCHED_PROPERTY) {
                continue;
            }
            if (!types[i].isEqual(l, c, factory)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holdsCollection(Type type) {
        if (type instanceof org.hibernate.type.ComponentType ct) {
            for (Type sub : ct.getSubtypes()) {
                if (sub instanceof CollectionType || holdsCollection(sub)) {
                    return true;
                }
            }
        }
        return false;
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
