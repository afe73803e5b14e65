package com.rms.staff.application;

import com.rms.platform.audit.AuditTrail;
import com.rms.platform.error.RateLimitedException;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.tenant.TenantContext;
import com.rms.platform.tx.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The PIN lockout: at most {@code rms.pin.max-failures} wrong PINs per client and outlet within any
 * {@code rms.pin.window}, whatever the route (PIN sign-in, the POS pad, a manager approval, a PIN
 * clash on the staff API). A guess is reserved <em>before</em> the PIN is checked, in a transaction
 * of its own that locks the client's row, so parallel guesses queue on that row and at most the
 * allowed number are ever evaluated; a right PIN gives its reservation back and leaves earlier
 * failures standing. Kept in the tenant's schema (V8), so every server shares it and a restart
 * forgets nothing.
 */
@ApplicationScoped
public class PinAttempts {

    private static final RmsLog LOG = RmsLog.of(PinAttempts.class);
    /** A client key is an address or a user name with a prefix; longer input is cut to the column. */
    private static final int KEY_LENGTH = 120;

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    Transactions transactions;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "rms.pin.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "rms.pin.window", defaultValue = "PT15M")
    Duration window;

    Clock clock = Clock.systemUTC();

    /** Reserved guesses, one per client key, at one outlet: give them back with {@link #refund} when the PIN was right. */
    public record Reservation(long outletId, List<String> clients, List<String> ids) {}

    /**
     * Reserves one guess for every client at the outlet (e.g. the address and the signed-in user).
     *
     * @throws RateLimitedException if any of them has used up its guesses; nothing is reserved then
     */
    public Reservation reserve(long outletId, List<String> clients) {
        TenantContext.require();
        List<String> keys = clients.stream().filter(Objects::nonNull).map(PinAttempts::key).distinct().sorted().toList();
        for (String key : keys) {
            ensureRow(key, outletId);
        }
        long[] retryAt = {0};
        Reservation reservation = inNewTransaction(tx -> {
            long now = clock.millis();
            long since = now - window.toMillis();
            List<String> ids = new ArrayList<>();
            // the keys in one order, so two reservations of the same keys never wait on each other crosswise
            for (String key : keys) {
                Object[] state = lockedState(tx, key, outletId, now, since);
                long inWindow = ((Number) state[0]).longValue();
                if (inWindow >= maxFailures) {
                    retryAt[0] = Math.max(retryAt[0], ((Number) state[1]).longValue() + window.toMillis());
                } else if (Boolean.TRUE.equals(state[2])) {
                    tx.createNativeQuery("update pin_client set locked = false where client = ?1 and outlet_id = ?2")
                            .setParameter(1, key).setParameter(2, outletId).executeUpdate();
                    audit.record("auth.pin.released", "outlet:" + outletId, "client=" + key);
                    LOG.info(LogContext.SECURITY, "PIN lockout of " + key + " at outlet " + outletId + " released");
                }
            }
            if (retryAt[0] > 0) {
                return null;
            }
            for (String key : keys) {
                String id = UUID.randomUUID().toString();
                tx.createNativeQuery("insert into pin_failure (id, client, outlet_id, at_ms) values (?1, ?2, ?3, ?4)")
                        .setParameter(1, id).setParameter(2, key).setParameter(3, outletId).setParameter(4, now)
                        .executeUpdate();
                ids.add(id);
            }
            return new Reservation(outletId, keys, List.copyOf(ids));
        });
        if (reservation == null) {
            long seconds = Math.max(1, (retryAt[0] - clock.millis() + 999) / 1000);
            LOG.warn(LogContext.SECURITY, "PIN guess at outlet " + outletId + " refused: locked after " + maxFailures
                    + " wrong PINs, for " + seconds + " s more");
            throw new RateLimitedException("too many wrong PINs at this outlet; try again later", seconds);
        }
        return reservation;
    }

    /** The PIN was right: the reserved guesses do not count. */
    public void refund(Reservation reservation) {
        inNewTransaction(tx -> {
            for (String id : reservation.ids()) {
                tx.createNativeQuery("delete from pin_failure where id = ?1").setParameter(1, id).executeUpdate();
            }
            return null;
        });
    }

    /** The PIN was wrong: the reserved guesses stand; a client that has now used up its guesses is locked (audited). */
    public void failed(Reservation reservation) {
        inNewTransaction(tx -> {
            long now = clock.millis();
            long since = now - window.toMillis();
            for (String key : reservation.clients()) {
                Object[] state = lockedState(tx, key, reservation.outletId(), now, since);
                if (((Number) state[0]).longValue() >= maxFailures && !Boolean.TRUE.equals(state[2])) {
                    tx.createNativeQuery("update pin_client set locked = true where client = ?1 and outlet_id = ?2")
                            .setParameter(1, key).setParameter(2, reservation.outletId()).executeUpdate();
                    audit.record("auth.pin.locked", "outlet:" + reservation.outletId(), "client=" + key);
                    LOG.warn(LogContext.SECURITY, "PIN guesses of " + key + " at outlet " + reservation.outletId()
                            + " locked for " + window + " after " + maxFailures + " wrong PINs");
                }
            }
            return null;
        });
    }

    /**
     * Forgets clients idle for longer than the window (their guesses no longer count anyway), at
     * most {@code limit} of them; answers how many. Each goes in its own transaction that takes the
     * client's row first, as a reservation does, so a purge and a guess never wait on each other
     * crosswise, and a client touched meanwhile is kept.
     */
    public int purge(int limit) {
        TenantContext.require();
        long cutoff = clock.millis() - window.toMillis();
        @SuppressWarnings("unchecked")
        List<Object[]> stale = inNewTransaction(tx -> tx.createNativeQuery("select client, outlet_id from pin_client "
                + "where touched_ms < ?1 order by touched_ms").setParameter(1, cutoff).setMaxResults(limit).getResultList());
        int purged = 0;
        for (Object[] row : stale) {
            String key = (String) row[0];
            long outletId = ((Number) row[1]).longValue();
            purged += inNewTransaction(tx -> {
                // takes the client's row, as a reservation does first, and only while it is still idle
                int idle = tx.createNativeQuery("update pin_client set touched_ms = touched_ms where client = ?1 "
                        + "and outlet_id = ?2 and touched_ms < ?3").setParameter(1, key).setParameter(2, outletId)
                        .setParameter(3, cutoff).executeUpdate();
                if (idle == 0) {
                    return 0;
                }
                Object wasLocked = tx.createNativeQuery("select locked from pin_client where client = ?1 and outlet_id = ?2")
                        .setParameter(1, key).setParameter(2, outletId).getSingleResult();
                if (Boolean.TRUE.equals(wasLocked)) {
                    audit.record("auth.pin.released", "outlet:" + outletId, "client=" + key);
                    LOG.info(LogContext.SECURITY, "PIN lockout of " + key + " at outlet " + outletId + " released");
                }
                tx.createNativeQuery("delete from pin_failure where client = ?1 and outlet_id = ?2")
                        .setParameter(1, key).setParameter(2, outletId).executeUpdate();
                return tx.createNativeQuery("delete from pin_client where client = ?1 and outlet_id = ?2")
                        .setParameter(1, key).setParameter(2, outletId).executeUpdate();
            });
        }
        return purged;
    }

    /**
     * Creates the client's row the first time, in a transaction of its own: "insert if absent" has
     * no SQL that both H2 and PostgreSQL accept, so a parallel first guess may lose the race to
     * insert it, which is fine exactly when the row is there afterwards.
     */
    private void ensureRow(String key, long outletId) {
        if (rowExists(key, outletId)) {
            return;
        }
        try {
            inNewTransaction(tx -> tx.createNativeQuery("insert into pin_client (client, outlet_id, touched_ms, locked) "
                    + "values (?1, ?2, ?3, false)").setParameter(1, key).setParameter(2, outletId)
                    .setParameter(3, clock.millis()).executeUpdate());
        } catch (RuntimeException lostRace) {
            if (!rowExists(key, outletId)) {
                throw lostRace;
            }
        }
    }

    private boolean rowExists(String key, long outletId) {
        return inNewTransaction(tx -> ((Number) tx.createNativeQuery("select count(*) from pin_client "
                + "where client = ?1 and outlet_id = ?2").setParameter(1, key).setParameter(2, outletId)
                .getSingleResult()).longValue() > 0);
    }

    /**
     * Locks the client's row (created by {@link #ensureRow}), drops its guesses older than the window
     * and answers {count in the window, oldest in the window, locked flag}.
     */
    private static Object[] lockedState(EntityManager tx, String key, long outletId, long now, long since) {
        int touched = tx.createNativeQuery("update pin_client set touched_ms = ?3 where client = ?1 and outlet_id = ?2")
                .setParameter(1, key).setParameter(2, outletId).setParameter(3, now).executeUpdate();
        if (touched == 0) {
            // purged as idle between ensureRow and this transaction: it starts afresh
            tx.createNativeQuery("insert into pin_client (client, outlet_id, touched_ms, locked) values (?1, ?2, ?3, false)")
                    .setParameter(1, key).setParameter(2, outletId).setParameter(3, now).executeUpdate();
        }
        tx.createNativeQuery("delete from pin_failure where client = ?1 and outlet_id = ?2 and at_ms <= ?3")
                .setParameter(1, key).setParameter(2, outletId).setParameter(3, since).executeUpdate();
        Object[] counted = (Object[]) tx.createNativeQuery("select count(*), min(at_ms) from pin_failure "
                + "where client = ?1 and outlet_id = ?2").setParameter(1, key).setParameter(2, outletId)
                .getSingleResult();
        Object locked = tx.createNativeQuery("select locked from pin_client where client = ?1 and outlet_id = ?2")
                .setParameter(1, key).setParameter(2, outletId).getSingleResult();
        return new Object[] {counted[0], counted[1] == null ? now : counted[1], locked};
    }

    /** Runs the work in a transaction of its own, committed before the (slow) PIN check starts. */
    protected <T> T inNewTransaction(Function<EntityManager, T> work) {
        return transactions.requiresNew(() -> work.apply(em));
    }

    /** A client key as stored: the column's length at most (keys are built from bounded values anyway). */
    static String key(String client) {
        return client.length() <= KEY_LENGTH ? client : client.substring(0, KEY_LENGTH);
    }
}
