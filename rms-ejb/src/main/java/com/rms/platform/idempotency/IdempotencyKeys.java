package com.rms.platform.idempotency;

import com.rms.platform.error.ConflictException;
import com.rms.platform.error.IdempotencyKeyReuseException;
import com.rms.platform.error.RmsException;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.tenant.TenantContext;
import com.rms.platform.text.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API's {@code Idempotency-Key}, per tenant (the table is in the tenant's schema), and the one
 * protocol around it ({@link #once}) that the REST edge and the POS screens both run:
 * <ul>
 * <li>the same key twice at once on one server is 409 at once (an in-memory registry of keys in flight);</li>
 * <li>the work {@link #claim claims} the key <em>inside its own business transaction</em> (one read of
 * the key row): none yet, it goes ahead and stores its answer with {@link #answer} at the end of that
 * same transaction, so the key, the change and the answer commit once or not at all (a crash leaves
 * nothing, and a retry is a fresh attempt); the same key with another request is 422
 * {@code idempotency-key-reuse}; an answer stored is replayed; a row in flight (a card payment's
 * window around the provider call, on another server) is 409;</li>
 * <li>across servers the key row's primary key serialises two first attempts: the loser's transaction
 * fails on the insert and rolls back everything it did, and it answers from the winner's row;</li>
 * <li>a failure is stored as the answer when the same request would always get it again
 * ({@link #STORED_FAILURES}: 400, 404, 422), in a transaction of its own after the work's rolled back;
 * any other failure releases the key, so a retry is a new attempt;</li>
 * <li>a request that must store something lasting before it can fail (a quick sale's order, whose card
 * could not be charged) links the key to it with {@link #resumeWith}: a retry with the key continues
 * on that order instead of creating another, and answers as that new attempt does;</li>
 * <li>a card payment keeps the key in flight with a lease ({@link #hold}) for the window around the
 * provider call; a lease older than {@link #IN_FLIGHT_LEASE} (its server died) may be taken over by a
 * retry, which reuses the payment's provider key, so it is never a second charge.</li>
 * </ul>
 * Every replay and every continuation first re-checks that the caller may see what it concerns: a
 * key is the tenant's, not the user's. Keys older than {@link #RETENTION} are forgotten and purged.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final Duration RETENTION = Duration.ofHours(24);
    public static final Duration IN_FLIGHT_LEASE = Duration.ofSeconds(30);
    public static final String JSON = "application/json";
    public static final String PROBLEM = "application/problem+json";
    /**
     * The failures stored as the key's answer: bad input, an unknown id, a business rule. The same
     * request gets them again, and they changed nothing. Every other failure (401, 403, 409, 429, 5xx,
     * anything unexpected) releases the key.
     */
    public static final Set<Integer> STORED_FAILURES = Set.of(400, 404, 422);

    private static final RmsLog LOG = RmsLog.of(IdempotencyKeys.class);

    /** JSON-B made on first use (a holder class), not when the class loads. */
    private static final class Json {
        static final Jsonb B = JsonbBuilder.create();
    }

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    IdempotencyKeys self;

    /** The keys in flight on this server, as tenant + key. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    /** A stored answer found by the claim, carried out of the work's transaction (which it rolls back: nothing was written). */
    static final class StoredAnswer extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Replay replay;

        StoredAnswer(Replay replay) {
            super(null, null, false, false);
            this.replay = replay;
        }
    }

    /**
     * The fingerprint of a request: what must be equal for a retry to be the same request. The
     * operation names what is done to what ({@code POST /api/v1/orders/42/payments}, the same for the
     * REST edge and the screens); the command is compared as its JSON.
     */
    public static String fingerprint(String operation, Object command) {
        return Hashes.sha256(operation + "\n" + (command == null ? "" : Json.B.toJson(command)));
    }

    /** Checks a key's shape: 1–255 printable characters. */
    public static String require(String key) {
        if (key == null || key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new ValidationException("the Idempotency-Key header is required",
                    List.of(new FieldError("Idempotency-Key", "must be 1 to 255 visible ASCII characters")));
        }
        return key;
    }

    /** Runs {@code work} once per key of the current tenant, and settles it when it fails. */
    public <T> Answer<T> once(String key, String fingerprint, ProblemWriter problems, Keyed<T> work) {
        require(key);
        String slot = TenantContext.require().slug() + "\n" + key;
        if (!inFlight.add(slot)) {
            throw new ConflictException("a request with this Idempotency-Key is in flight");
        }
        Attempt attempt = new Attempt(key, fingerprint, work, problems);
        try {
            return new Answer<>(work.run(attempt), null);
        } catch (StoredAnswer stored) {
            return new Answer<>(null, stored.replay);
        } catch (RmsException failed) {
            settle(attempt, failed);
            throw failed;
        } catch (RuntimeException | Error failed) {
            if (attempt.settled) {
                throw failed;
            }
            Replay winner;
            try {
                winner = self.afterFailure(attempt);
            } catch (RmsException answer) {
                throw answer;
            } catch (RuntimeException unreadable) {
                LOG.warn(LogContext.BUSINESS, "Idempotency-Key not settled after a failure (" + unreadable
                        + "); its lease expires on its own");
                throw failed;
            }
            if (winner != null) {
                return new Answer<>(null, winner);
            }
            throw failed;
        } finally {
            inFlight.remove(slot);
        }
    }

    /** A failure the work reported: stored as the answer, or the key released, unless the work settled it already. */
    private void settle(Attempt attempt, RmsException failed) {
        if (attempt.settled || attempt.answered) {
            return;
        }
        boolean store = STORED_FAILURES.contains(failed.status());
        if (!store && attempt.lease == null) {
            return; // nothing under the key was written: nothing to release
        }
        try {
            self.settleFailure(attempt, store ? failed.status() : 0, store ? attempt.problem(failed) : null);
        } catch (RuntimeException lost) {
            // a concurrent request under the key stored its answer first; this caller gets its own failure
            LOG.info(LogContext.BUSINESS, "Idempotency-Key answer not stored: " + lost);
        }
    }

    /**
     * Claims the key in the caller's business transaction (its first statement). Nothing found: go
     * ahead. Otherwise, after the recheck: the stored answer is replayed (the work's transaction rolls
     * back, having written nothing), a partial attempt's order is continued, an expired lease or an
     * expired key is taken over; another request is 422, one in flight 409.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void claim(Attempt attempt) {
        OffsetDateTime now = now();
        // locking a row that does not exist costs what the plain read does; one that exists is a
        // retry, which must not be taken over twice
        IdempotencyRecord record = em.find(IdempotencyRecord.class, attempt.key(), LockModeType.PESSIMISTIC_WRITE);
        if (record == null) {
            return;
        }
        attempt.found = true;
        if (record.getCreatedAt().isBefore(now.minus(RETENTION))) {
            // forgotten: a new request under an old key
            IdempotencyResume stale = em.find(IdempotencyResume.class, attempt.key());
            if (stale != null) {
                em.remove(stale);
            }
            attempt.lease = lease(now);
            record.restart(attempt.fingerprint(), now, attempt.lease);
            return;
        }
        if (!record.getRequestHash().equals(attempt.fingerprint())) {
            throw new IdempotencyKeyReuseException("this Idempotency-Key was used with a different request");
        }
        IdempotencyResume resume = em.find(IdempotencyResume.class, attempt.key());
        Replay stored = record.isDone() ? new Replay(record.getResponseStatus(), record.getResponseType(),
                record.getResponseBody()) : null;
        if (stored != null && resume == null) {
            attempt.recheck(stored, null);
            throw new StoredAnswer(stored);
        }
        if (stored == null && record.getLockedUntil().isAfter(now)) {
            throw new ConflictException("a request with this Idempotency-Key is in flight");
        }
        // a partial answer is never replayed: the retry is a new attempt on the same order; an expired
        // lease is a request whose server died, taken over
        Long order = resume == null ? null : resume.getOrderId();
        attempt.recheck(stored, order);
        attempt.resume = order;
        attempt.lease = lease(now);
        record.take(attempt.lease);
    }

    /**
     * Keeps the key in flight for a window outside the transaction (the card provider's call): written
     * in the caller's transaction with a lease, so a concurrent request elsewhere is 409 and a retry
     * after a crash may take it over once the lease ran out.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(Attempt attempt) {
        if (attempt.lease != null) {
            return; // taken over by the claim: already in flight under this attempt's lease
        }
        OffsetDateTime now = now();
        attempt.lease = lease(now);
        em.persist(new IdempotencyRecord(attempt.key(), attempt.fingerprint(), now, attempt.lease));
    }

    /**
     * Links the key (held in flight) to the order its request stored, in that order's transaction: until
     * the final {@link #answer}, a retry with the key continues on this order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resumeWith(Attempt attempt, long orderId) {
        if (attempt.resume != null) {
            return;
        }
        hold(attempt);
        // the key row and the order are inserted before the link that refers to both
        em.flush();
        em.persist(new IdempotencyResume(attempt.key(), orderId, now()));
        attempt.resume = orderId;
    }

    /** Stores the final answer in the caller's (business) transaction: it is replayed from now on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void answer(Attempt attempt, int status, Object body) {
        store(attempt, status, JSON, Json.B.toJson(body));
        if (attempt.resume != null) {
            IdempotencyResume link = em.find(IdempotencyResume.class, attempt.key());
            if (link != null) {
                em.remove(link);
            }
        }
    }

    /**
     * Stores a failure as the answer in the caller's transaction, with what the work recorded of it
     * (a declined card): a partial attempt keeps its link, so its retry continues rather than replays.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void answerPartial(Attempt attempt, RmsException failure) {
        store(attempt, failure.status(), PROBLEM, attempt.problem(failure));
    }

    /**
     * Releases the key in the caller's transaction (a card charge that could not be made: the
     * PENDING payment is forgotten in the same transaction); a partial attempt's key is only unlocked.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(Attempt attempt) {
        if (attempt.lease == null) {
            return;
        }
        IdempotencyRecord record = em.find(IdempotencyRecord.class, attempt.key(), LockModeType.PESSIMISTIC_WRITE);
        unclaim(attempt, record);
        attempt.settled = true;
    }

    private void store(Attempt attempt, int status, String contentType, String body) {
        if (!attempt.found && attempt.lease == null) {
            // the one insert of a first attempt: a concurrent first attempt elsewhere fails on it
            em.persist(new IdempotencyRecord(attempt.key(), attempt.fingerprint(), now(), status, contentType, body));
        } else {
            IdempotencyRecord record = em.find(IdempotencyRecord.class, attempt.key());
            if (record == null) {
                throw new IllegalStateException("Idempotency-Key was not claimed before answering it");
            }
            record.answer(status, contentType, body);
        }
        attempt.answered = true;
    }

    /**
     * After the work failed and rolled back: stores a failure the same request always gets
     * ({@code body} not null), or releases what this attempt held of the key.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void settleFailure(Attempt attempt, int status, String body) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, attempt.key(), LockModeType.PESSIMISTIC_WRITE);
        if (body != null) {
            if (record == null) {
                em.persist(new IdempotencyRecord(attempt.key(), attempt.fingerprint(), now(), status, PROBLEM, body));
            } else if (mine(attempt, record)) {
                // a partial attempt keeps its link: its retry continues on its order
                record.answer(status, PROBLEM, body);
            }
        } else {
            unclaim(attempt, record);
        }
    }

    /**
     * After an unexpected failure (a commit that failed, a bug): releases what this attempt held, or,
     * when another request wrote the key meanwhile (it won the insert), answers as that request does:
     * its stored answer (after the recheck), 409 while it is in flight, 422 for another request.
     *
     * @return the winner's answer to replay, or null: answer with the failure
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Replay afterFailure(Attempt attempt) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, attempt.key(), LockModeType.PESSIMISTIC_WRITE);
        if (record == null) {
            return null;
        }
        if (mine(attempt, record)) {
            unclaim(attempt, record);
            return null;
        }
        if (attempt.found) {
            return null; // the row was there before: nothing of it is this attempt's to answer from
        }
        if (!record.getRequestHash().equals(attempt.fingerprint())) {
            throw new IdempotencyKeyReuseException("this Idempotency-Key was used with a different request");
        }
        if (!record.isDone() || em.find(IdempotencyResume.class, attempt.key()) != null) {
            throw new ConflictException("a request with this Idempotency-Key is in flight");
        }
        Replay stored = new Replay(record.getResponseStatus(), record.getResponseType(), record.getResponseBody());
        attempt.recheck(stored, null);
        return stored;
    }

    /** Whether the row is in flight under this attempt's own lease. */
    private static boolean mine(Attempt attempt, IdempotencyRecord record) {
        return attempt.lease != null && !record.isDone()
                && record.getLockedUntil().toInstant().equals(attempt.lease.toInstant());
    }

    /** Forgets this attempt's claim so the request can be retried; a partial one's key is only unlocked. */
    private void unclaim(Attempt attempt, IdempotencyRecord record) {
        if (record == null || !mine(attempt, record)) {
            return;
        }
        if (em.find(IdempotencyResume.class, attempt.key()) != null) {
            record.take(now());
        } else {
            em.remove(record);
        }
    }

    /** Deletes the current tenant's keys older than the retention. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purge() {
        return em.createQuery("delete from IdempotencyRecord r where r.createdAt < :cutoff")
                .setParameter("cutoff", now().minus(RETENTION)).executeUpdate();
    }

    /** Now, to the millisecond: a lease read back from either database equals the one written. */
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private static OffsetDateTime lease(OffsetDateTime now) {
        return now.plus(IN_FLIGHT_LEASE);
    }
}
