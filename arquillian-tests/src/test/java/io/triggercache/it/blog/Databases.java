package io.triggercache.it.blog;

import java.util.Map;

/**
 * The database of a test run: H2 in memory by default, PostgreSQL ({@code -Dit.db=postgres}) or MariaDB
 * ({@code -Dit.db=mariadb}) on 127.0.0.1.
 */
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
    },
    /** InnoDB, left at its default isolation, REPEATABLE READ, as most MySQL/MariaDB applications run. */
    MARIADB {
        @Override
        public Map<String, String> properties(String unique) {
            // one database for all runs: the tables are dropped and created per container
            return Map.of("jakarta.persistence.jdbc.url", "jdbc:mariadb://127.0.0.1:3306/test",
                    "jakarta.persistence.jdbc.user", "root", "jakarta.persistence.jdbc.password", "");
        }
    };

    public abstract Map<String, String> properties(String unique);

    public static Databases current() {
        return switch (System.getProperty("it.db", "h2")) {
            case "postgres" -> POSTGRES;
            case "mariadb" -> MARIADB;
            default -> H2;
        };
    }
}
