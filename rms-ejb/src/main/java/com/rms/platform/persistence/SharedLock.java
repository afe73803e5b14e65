package com.rms.platform.persistence;

import jakarta.persistence.EntityManager;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * The locking clause of a native query that reads rows other readers may read at the same time but
 * no one may change until this transaction ends: {@code for share} on PostgreSQL. JPA's
 * {@code PESSIMISTIC_READ} is no help here: EclipseLink writes {@code for update} for it, so every cash
 * sale of an outlet queued behind the one before on the drawer's row. H2 (the single-server default)
 * has no shared row lock and gets {@code for update}.
 */
public final class SharedLock {

    private static volatile Boolean shared;

    private SharedLock() {
    }

    /** " for share" or " for update", to append to a native select. */
    public static String clause(EntityManager em) {
        Boolean known = shared;
        if (known == null) {
            // the platform's class name: Liberty lets applications see EclipseLink's API, not its internals
            known = em.unwrap(Session.class).getDatasourceLogin() instanceof DatasourceLogin login
                    && login.getPlatformClassName().contains("PostgreSQL");
            shared = known;
        }
        return known ? " for share" : " for update";
    }
}
