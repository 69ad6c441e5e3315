package io.triggercache.cdc.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.DiscriminatorValueDetails;
import org.hibernate.persister.collection.AbstractCollectionPersister;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.BasicType;
import org.hibernate.type.CollectionType;
import org.hibernate.type.EntityType;
import org.hibernate.type.Type;

/**
 * Which entities each table of a session factory holds, and how its columns read as their attributes: computed
 * once from Hibernate's metamodel when capture starts. Immutable and thread-safe.
 */
public final class TableMap {

    /** Per normalized table name (both {@code schema.table} and {@code table}), the entity parts stored in it. */
    private final Map<String, List<EntityPart>> entities = new HashMap<>();
    /** Per normalized table name, the collections stored in it (join tables, element collections). */
    private final Map<String, List<CollectionPart>> collections = new HashMap<>();
    final SessionFactoryImplementor factory;

    // getTableName(int) is deprecated in 6.6 but is the one public way to the tables of a persister by position
    @SuppressWarnings("deprecation")
    public TableMap(SessionFactoryImplementor factory) {
        this.factory = factory;
        factory.getMappingMetamodel().forEachEntityDescriptor(p -> {
            if (p instanceof AbstractEntityPersister aep) {
                EntityShape shape = new EntityShape(aep, factory);
                for (int j = 0; j < aep.getTableSpan(); j++) {
                    EntityPart part = new EntityPart(shape, aep.getTableName(j), j == 0 ? aep.getIdentifierColumnNames() : aep.getKeyColumns(j));
                    for (String name : names(aep.getTableName(j))) {
                        entities.computeIfAbsent(name, t -> new ArrayList<>()).add(part);
                    }
                }
            }
        });
        factory.getMappingMetamodel().forEachCollectionDescriptor(c -> {
            if (c instanceof AbstractCollectionPersister acp && c.getOwnerEntityPersister() instanceof AbstractEntityPersister owner) {
                String table = acp.getTableName();
                // a one-to-many without a join table writes the child's table: the child's own change covers it
                if (acp.isOneToMany()) {
                    return;
                }
                String role = acp.getRole();
                String property = role.substring(owner.getEntityName().length() + 1);
                CollectionPart part = new CollectionPart(new EntityShape(owner, factory), property, acp.getKeyColumnNames());
                for (String name : names(table)) {
                    collections.computeIfAbsent(name, t -> new ArrayList<>()).add(part);
                }
            }
        });
    }

    /** The entity parts stored in a table, by schema and table name as the database reports them; empty if none. */
    public List<EntityPart> entityParts(String schema, String table) {
        List<EntityPart> parts = entities.get(normalize(schema + "." + table));
        if (parts == null) {
            parts = entities.get(normalize(table));
        }
        return parts == null ? List.of() : parts;
    }

    public List<CollectionPart> collectionParts(String schema, String table) {
        List<CollectionPart> parts = collections.get(normalize(schema + "." + table));
        if (parts == null) {
            parts = collections.get(normalize(table));
        }
        return parts == null ? List.of() : parts;
    }

    /** The tables this factory maps, qualified where Hibernate knows the schema: for the publication. */
    public List<String> tables() {
        List<String> out = new ArrayList<>();
        for (String t : entities.keySet()) {
            out.add(t);
        }
        for (String t : collections.keySet()) {
            out.add(t);
        }
        return out;
    }

    private static List<String> names(String table) {
        String n = normalize(table);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? List.of(n) : List.of(n, n.substring(dot + 1));
    }

    /** The table's name without its schema, normalized: how a merge and a shape name tables. */
    static String bare(String name) {
        String n = normalize(name);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(dot + 1);
    }

    static String normalize(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            if (c != '"' && c != '`' && c != '[' && c != ']') {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** One entity class as a row reads: its attributes, their columns, and how a column value becomes the attribute value. */
    public static final class EntityShape {
        public final Class<?> type;
        final AbstractEntityPersister persister;
        final String idName;
        final String[] names;
        final Map<String, Integer> positions = new HashMap<>();
        /** Per property, its normalized table, or null if it has no column of its own (formula, mappedBy, collection). */
        final String[] tables;
        /** Per property, its normalized column names. */
        final String[][] columns;
        final Type[] types;
        final String discriminatorColumn;
        final SessionFactoryImplementor factory;
        /** The normalized tables every row of this entity has (not the optional secondary ones). */
        final java.util.Set<String> requiredTables = new java.util.HashSet<>();

        @SuppressWarnings("deprecation")
        EntityShape(AbstractEntityPersister p, SessionFactoryImplementor factory) {
            this.persister = p;
            this.factory = factory;
            this.type = p.getMappedClass();
            this.idName = p.getIdentifierPropertyName();
            this.names = p.getPropertyNames().clone();
            this.types = p.getPropertyTypes().clone();
            this.tables = new String[names.length];
            this.columns = new String[names.length][];
            for (int i = 0; i < names.length; i++) {
                positions.put(names[i], i);
                String[] cols = types[i] instanceof CollectionType ? new String[0] : p.getPropertyColumnNames(i);
                boolean plain = cols.length > 0 && Arrays.stream(cols).allMatch(c -> c != null);
                columns[i] = plain ? Arrays.stream(cols).map(TableMap::normalize).toArray(String[]::new) : new String[0];
                tables[i] = plain ? bare(p.getPropertyTableName(names[i])) : null;
            }
            for (int j = 0; j < p.getTableSpan(); j++) {
                if (!p.isNullableTable(j)) {
                    requiredTables.add(bare(p.getTableName(j)));
                }
            }
            String d = p.getDiscriminatorColumnName();
            this.discriminatorColumn = d == null || p.getDiscriminatorMapping() == null ? null : normalize(d);
        }

        /** The entity class a discriminator value names, or null if it cannot be told. */
        Class<?> typeFor(Object discriminator) {
            try {
                DiscriminatorValueDetails details = persister.getDiscriminatorMapping().resolveDiscriminatorValue(discriminator);
                return details == null ? null : details.getIndicatedEntity().getJavaType().getJavaTypeClass();
            } catch (RuntimeException e) {
                return null;
            }
        }

        boolean isAbstract() {
            return persister.isAbstract();
        }

        /** Whether a property is an association whose id sits in its columns (a many-to-one, a owning one-to-one). */
        boolean isForeignKey(int i) {
            return types[i] instanceof EntityType et && columns[i].length > 0 && et.isReferenceToPrimaryKey();
        }

        boolean isBasic(int i) {
            return types[i] instanceof BasicType<?> && columns[i].length == 1;
        }

        /** The identifier type: how a key column value becomes the id. */
        Type idType() {
            return persister.getIdentifierType();
        }

        EntityPersister targetOf(int i) {
            return factory.getMappingMetamodel().getEntityDescriptor(((EntityType) types[i]).getAssociatedEntityName());
        }

        @Override
        public String toString() {
            return type.getName();
        }
    }

    /** The columns one table of an entity holds: its key columns, and (through the shape) which properties live here. */
    public static final class EntityPart {
        public final EntityShape shape;
        final String table;
        final String[] keyColumns;

        EntityPart(EntityShape shape, String table, String[] keyColumns) {
            this.shape = shape;
            this.table = bare(table);
            this.keyColumns = Arrays.stream(keyColumns).map(TableMap::normalize).toArray(String[]::new);
        }
    }

    /** A collection stored in its own table: a row change there is an update of the owner's collection property. */
    public static final class CollectionPart {
        public final EntityShape owner;
        final String property;
        final String[] keyColumns;

        CollectionPart(EntityShape owner, String property, String[] keyColumns) {
            this.owner = owner;
            this.property = property;
            this.keyColumns = Arrays.stream(keyColumns).map(TableMap::normalize).toArray(String[]::new);
        }
    }
}
