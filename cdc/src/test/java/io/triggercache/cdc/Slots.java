package io.triggercache.cdc;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** Removes a test's replication slot and publication (waiting until the slot is released). */
final class Slots {

    private Slots() {
    }

    static void drop(String slot, String publication) throws SQLException {
        try (Connection c = DriverManager.getConnection(CdcJpa.URL, "postgres", ""); Statement s = c.createStatement()) {
            await().atMost(Duration.ofSeconds(30)).conditionEvaluationListener(ev -> {
                if (ev.getRemainingTimeInMS() < 1000) {
                    try (Statement d = DriverManager.getConnection(CdcJpa.URL, "postgres", "").createStatement();
                         ResultSet rs = d.executeQuery("select s.active_pid, a.application_name, a.backend_type, a.state, a.backend_start"
                                 + " from pg_replication_slots s left join pg_stat_activity a on a.pid = s.active_pid where s.slot_name = '" + slot + "'")) {
                        while (rs.next()) {
                            System.out.println("SLOT STILL ACTIVE pid " + rs.getObject(1) + " app " + rs.getString(2) + " " + rs.getString(3)
                                    + " " + rs.getString(4) + " since " + rs.getString(5));
                        }
                    } catch (SQLException e) {
                        System.out.println("SLOT diagnostics failed: " + e);
                    }
                }
            }).until(() -> {
                try (ResultSet rs = s.executeQuery("select count(*) from pg_replication_slots where slot_name = '" + slot + "' and active")) {
                    rs.next();
                    return rs.getInt(1) == 0;
                }
            });
            s.execute("select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = '" + slot + "'");
            s.execute("drop publication if exists " + publication);
        }
    }
}
