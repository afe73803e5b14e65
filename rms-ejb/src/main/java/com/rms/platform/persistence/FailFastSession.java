package com.rms.platform.persistence;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read that failed for want of the database, outside a transaction, three
 * times five seconds apart by default: a request then hung for 15-20 s during a database outage
 * before it failed. The pool, not EclipseLink, decides about connections here; a failed read fails
 * at once and the edge answers 503 ({@link DatabaseOutage}), which the client retries. Applied when
 * the session logs in (the persistence unit's session listener calls it: Liberty does not show
 * applications EclipseLink's {@code SessionCustomizer}).
 */
public final class FailFastSession {

    private FailFastSession() {
    }

    public static void configure(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
