package it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Cuts the IT server off its PostgreSQL database without stopping the PostgreSQL server (others use
 * it): new sessions of the database are refused ({@code ALLOW_CONNECTIONS false}) and its open ones
 * are terminated, as a stopped database would do to the server; {@link #close} lets it back in. The
 * database is the server's, from {@code RMS_DB_URL} (PostgreSQL phase only); the statements run from
 * the {@code postgres} database of the same server, as {@code RMS_DB_USER} (a superuser in CI).
 */
public final class DatabaseOutage implements AutoCloseable {

    private final String adminUrl;
    private final String database;

    private DatabaseOutage(String adminUrl, String database) {
        this.adminUrl = adminUrl;
        this.database = database;
    }

    /** Starts the outage: from now on the server can neither use its connections nor open new ones. */
    public static DatabaseOutage begin() throws SQLException {
        String url = System.getenv("RMS_DB_URL");
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            throw new IllegalStateException("RMS_DB_URL names no PostgreSQL database: " + url);
        }
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        String database = url.substring(slash + 1, query < 0 ? url.length() : query);
        if (!database.matches("[a-z0-9_]+")) {
            throw new IllegalStateException("an unexpected database name: " + database);
        }
        DatabaseOutage outage = new DatabaseOutage(url.substring(0, slash + 1) + "postgres", database);
        outage.run("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                        + "' AND pid <> pg_backend_pid()");
        return outage;
    }

    /** Ends the outage: the server may connect again. */
    @Override
    public void close() throws SQLException {
        run("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
    }

    private void run(String... statements) throws SQLException {
        String password = System.getenv("RMS_DB_PASSWORD");
        try (Connection admin = DriverManager.getConnection(adminUrl, System.getenv("RMS_DB_USER"),
                password == null ? "" : password); Statement statement = admin.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
