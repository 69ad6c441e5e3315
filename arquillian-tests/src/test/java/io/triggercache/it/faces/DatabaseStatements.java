package io.triggercache.it.faces;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * {@code GET /it-sql-statements}, added to the Faces blog's WAR by the tests: how many SQL statements the
 * application's database has executed, counted by the database itself (H2's {@code INFORMATION_SCHEMA.QUERY_STATISTICS}
 * on {@code java:comp/DefaultDataSource}: WildFly's ExampleDS and Payara's H2Pool are both H2 2.x). The count
 * does not depend on the JPA provider, so it is the same measure under Hibernate ORM (WildFly) and EclipseLink
 * (Payara, whose statistics the blog's {@code /stats} cannot read). The first request switches the statistics on
 * and answers 0; the statements that read or configure the statistics are not counted.
 */
@WebServlet("/it-sql-statements")
public class DatabaseStatements extends HttpServlet {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long executed;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // idempotent; the default keeps 100 distinct statements, older ones (with their counts) would drop out
            s.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100000");
            s.execute("SET QUERY_STATISTICS TRUE");
            try (ResultSet r = s.executeQuery("SELECT COALESCE(SUM(EXECUTION_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
                    + " WHERE SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%'")) {
                r.next();
                executed = r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IOException("the database did not report its statement count (is java:comp/DefaultDataSource H2?)", e);
        }
        response.setContentType("text/plain");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(Long.toString(executed).getBytes(StandardCharsets.UTF_8));
    }
}
