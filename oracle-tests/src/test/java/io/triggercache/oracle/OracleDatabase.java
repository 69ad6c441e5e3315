package io.triggercache.oracle;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The databases the oracle runs on, with the JDBC settings of each (the services on 127.0.0.1 in -Pservices). */
public enum OracleDatabase {
    H2("H2 (in memory, READ COMMITTED)") {
        @Override
        Map<String, String> settings() {
            return Map.of("jakarta.persistence.jdbc.url", "jdbc:h2:mem:oracle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                    "jakarta.persistence.jdbc.user", "sa", "jakarta.persistence.jdbc.password", "");
        }
    },
    POSTGRES_READ_COMMITTED("PostgreSQL, READ COMMITTED") {
        @Override
        Map<String, String> settings() {
            return postgres("2");
        }
    },
    POSTGRES_REPEATABLE_READ("PostgreSQL, REPEATABLE READ") {
        @Override
        Map<String, String> settings() {
            return postgres("4");
        }
    },
    MARIADB("MariaDB, InnoDB REPEATABLE READ (its default)") {
        @Override
        Map<String, String> settings() {
            // the oracle's tables are prefixed orc_, so they never meet other modules' tables in database test
            return Map.of("jakarta.persistence.jdbc.url", "jdbc:mariadb://127.0.0.1:3306/test",
                    "jakarta.persistence.jdbc.user", "root", "jakarta.persistence.jdbc.password", "");
        }
    };

    private final String description;

    OracleDatabase(String description) {
        this.description = description;
    }

    /** What the report calls this database. */
    public String description() {
        return description;
    }

    abstract Map<String, String> settings();

    /** The persistence unit's properties for this database: connection, schema handling, pool. */
    Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>(settings());
        // connections in auto-commit between transactions: a read outside a transaction never keeps a snapshot
        // open in the pool (under REPEATABLE READ the next borrower would read it)
        p.put("hibernate.connection.autocommit", "true");
        p.put("hibernate.connection.pool_size", "40");
        return p;
    }

    private static Map<String, String> postgres(String isolation) {
        return Map.of("jakarta.persistence.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=triggercache_oracle",
                "jakarta.persistence.jdbc.user", "postgres", "jakarta.persistence.jdbc.password", "",
                "hibernate.default_schema", "triggercache_oracle",
                "jakarta.persistence.create-database-schemas", "true",
                "hibernate.connection.isolation", isolation);
    }
}
