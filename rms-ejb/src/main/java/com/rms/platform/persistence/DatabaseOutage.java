package com.rms.platform.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells a failure caused by the database being unreachable (down, restarting, refusing connections,
 * the pool unable to hand out a connection) from one caused by the work itself. The first is not the
 * request's fault nor the message's: the edge answers 503 with Retry-After and a consumer waits for
 * the database instead of burning a message's redelivery limit. Everything else is what it was.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** Whether {@code failure}, or anything in its cause chain, says the database cannot be reached. */
    public static boolean isOutage(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && (outageState(sql.getSQLState()) || refusesConnections(sql))) {
                return true;
            }
            if (t instanceof SQLException sql) {
                SQLException next = sql.getNextException();
                if (next != null && next != t && isOutage(next)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * PostgreSQL refusing new sessions of a database an operator closed ({@code ALTER DATABASE ...
     * ALLOW_CONNECTIONS false}, e.g. during maintenance): SQL state 55000 is "object not in prerequisite
     * state" in general, so only with the refusal's own message.
     */
    static boolean refusesConnections(SQLException sql) {
        return "55000".equals(sql.getSQLState()) && sql.getMessage() != null
                && sql.getMessage().contains("not currently accepting connections");
    }

    /**
     * SQL states of an unreachable or going-away database: class 08 (connection exception), 57P01-03
     * (PostgreSQL: admin shutdown, crash shutdown, cannot connect now), 53300 (too many connections).
     */
    static boolean outageState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("53300"));
    }
}
