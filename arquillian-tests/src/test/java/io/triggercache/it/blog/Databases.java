package io.triggercache.it.blog;

import java.util.Map;

/** The database of a test run: H2 in memory by default, PostgreSQL on 127.0.0.1 with {@code -Dit.db=postgres}. */
public enum Databases {
    H2 {
        @Override
        public Map<String, String> properties(String unique) {
            return Map.of("jakarta.persistence.jdbc.url", "jdbc:h2:mem:" + unique + ";DB_CLOSE_DELAY=-1",
                    "jakarta.persistence.jdbc.user", "sa", "jakarta.persistence.jdbc.password", "");
        }
    },
    POSTGRES {
        @Override
        public Map<String, String> properties(String unique) {
            // one database for all runs: the schema is dropped and created per container
            return Map.of("jakarta.persistence.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=triggercache_it",
                    "jakarta.persistence.jdbc.user", "postgres", "jakarta.persistence.jdbc.password", "",
                    "hibernate.default_schema", "triggercache_it",
                    "jakarta.persistence.create-database-schemas", "true");
        }
    };

    public abstract Map<String, String> properties(String unique);

    public static Databases current() {
        return "postgres".equals(System.getProperty("it.db", "h2")) ? POSTGRES : H2;
    }
}
