package com.rms.platform.idempotency;

import com.rms.platform.error.ConflictException;
import com.rms.platform.error.IdempotencyKeyReuseException;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import com.rms.platform.tenant.TenantContext;
import com.rms.platform.error.RmsException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * The API's {@code Idempotency-Key}, per tenant (the table is in the tenant's schema), and the one
 * protocol around it that the REST edge and the POS screens both use ({@link #once}):
 * <ul>
 * <li>{@link #claim} is called first, in a transaction of its own: a new key is recorded as in flight;
 * the same key with another request is 422 {@code idempotency-key-reuse}; with the same request it is
 * the stored answer to replay, or 409 while the first is still in flight;</li>
 * <li>the operation stores its answer with {@link #complete} <em>in its own business transaction</em>,
 * so the answer and the change commit together (a crash leaves neither or both);</li>
 * <li>a failure is either stored as the answer (the client errors the caller says the same request
 * will always get), or the key is released so that a retry is a new attempt;</li>
 * <li>an operation that stored something lasting before it failed (a quick sale's order) links the key
 * to it with {@link #resumeWith} in that transaction: a retry with the key then continues on it
 * (never creating it again), and answers as that new attempt does.</li>
 * </ul>
 * Every replay, and every continuation, first re-checks that the caller may see what it concerns: a
 * key is the tenant's, not the user's, and another user must not read an order by replaying it.
 * An in-flight claim older than {@link #IN_FLIGHT_LEASE} (its server died) may be taken over by a
 * retry; operations are written so that a takeover never does their work twice (payments reuse their
 * provider key). Keys older than {@link #RETENTION} are forgotten and purged.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final Duration RETENTION = Duration.ofHours(24);
    public static final Duration IN_FLIGHT_LEASE = Duration.ofSeconds(30);
    public static final String JSON = "application/json";
    public static final String PROBLEM = "application/problem+json";

    /** JSON-B made on first use (a holder class), not when the class loads. */
    private static final class Json {
        static final Jsonb B = JsonbBuilder.create();
    }

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    IdempotencyKeys self;

    /** The stored answer to a request already answered. */
    public record Replay(int status, String contentType, String body) {
    }

    /**
     * What {@link #claim} found: {@code replay} to answer as it is (when {@code resume} is null), or go
     * ahead — continuing on the order {@code resume} when a first attempt left one.
     */
    public record Claim(Replay replay, Long resume) {
        static final Claim PROCEED = new Claim(null, null);

        public boolean replays() {
            return replay != null && resume == null;
        }
    }

    /** A request under a key, as {@link #once} runs it. */
    public interface Keyed<T> {

        /** Does the work (storing its answer with {@link #complete}); {@code resume} is the order a first attempt left, or null. */
        T run(Long resume);

        /** The answer to the caller from a stored one. */
        T replay(Replay stored);

        /**
         * Throws what a direct read would (404, 403) when the caller may not see what {@code stored}
         * or {@code resume} concerns; called before every replay and continuation.
         */
        void recheck(Replay stored, Long resume);
    }

    /**
     * Runs {@code work} once per key: claims it, replays or continues, and settles a failure.
     * {@code storedError} gives the answer body to store for a failure that the same request will
     * always get again (a client error that changed nothing), or null to release the key for a retry.
     */
    public <T> T once(String key, String fingerprint, Function<RmsException, String> storedError, Keyed<T> work) {
        Claim claim = self.claim(key, fingerprint);
        if (claim.replays()) {
            work.recheck(claim.replay(), null);
            return work.replay(claim.replay());
        }
        if (claim.resume() != null) {
            try {
                work.recheck(claim.replay(), claim.resume());
            } catch (RuntimeException | Error refused) {
                // not this caller's to continue: unlocked for the one who may, nothing stored
                self.release(key);
                throw refused;
            }
        }
        try {
            return work.run(claim.resume());
        } catch (RmsException e) {
            self.settle(key, e.status(), storedError.apply(e));
            throw e;
        } catch (RuntimeException | Error e) {
            self.release(key);
            throw e;
        }
    }

    /** Checks a key's shape: 1–255 printable characters. */
    public static String require(String key) {
        if (key == null || key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new ValidationException("the Idempotency-Key header is required",
                    List.of(new FieldError("Idempotency-Key", "must be 1 to 255 visible ASCII characters")));
        }
        return key;
    }

    /** Claims {@code key} for a request with fingerprint {@code requestHash}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claim claim(String key, String requestHash) {
        TenantContext.require();
        require(key);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        IdempotencyRecord record = em.find(IdempotencyRecord.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (record == null) {
            try {
                em.persist(new IdempotencyRecord(key, requestHash, now, now.plus(IN_FLIGHT_LEASE)));
                em.flush();
            } catch (PersistenceException concurrent) {
                throw new ConflictException("a request with this Idempotency-Key is in flight");
            }
            return Claim.PROCEED;
        }
        if (record.getCreatedAt().isBefore(now.minus(RETENTION))) {
            IdempotencyResume stale = em.find(IdempotencyResume.class, key);
            if (stale != null) {
                em.remove(stale);
            }
            record.restart(requestHash, now, now.plus(IN_FLIGHT_LEASE));
            return Claim.PROCEED;
        }
        if (!record.getRequestHash().equals(requestHash)) {
            throw new IdempotencyKeyReuseException("this Idempotency-Key was used with a different request");
        }
        IdempotencyResume resume = em.find(IdempotencyResume.class, key);
        if (record.isDone()) {
            Replay stored = new Replay(record.getResponseStatus(), record.getResponseType(), record.getResponseBody());
            if (resume == null) {
                return new Claim(stored, null);
            }
            // a partial answer is never replayed: the retry is a new attempt on the same order
            record.resumeUntil(now.plus(IN_FLIGHT_LEASE));
            return new Claim(stored, resume.getOrderId());
        }
        if (record.getLockedUntil().isAfter(now)) {
            throw new ConflictException("a request with this Idempotency-Key is in flight");
        }
        record.lockUntil(now.plus(IN_FLIGHT_LEASE));
        return resume == null ? Claim.PROCEED : new Claim(null, resume.getOrderId());
    }

    /** Stores the answer to {@code key} in the caller's (business) transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String key, int status, Object body) {
        completeRaw(key, status, JSON, Json.B.toJson(body));
    }

    /**
     * Links the in-flight {@code key} to the order its request stored, in that order's transaction:
     * until {@link #finish}, a retry with the key continues on this order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resumeWith(String key, long orderId) {
        em.persist(new IdempotencyResume(key, orderId, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    /** Stores the final answer of a request that was resumable (a quick sale paid in full): it is replayed from now on. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(String key, int status, Object body) {
        completeRaw(key, status, JSON, Json.B.toJson(body));
        em.createQuery("delete from IdempotencyResume r where r.key = :k").setParameter("k", key).executeUpdate();
    }

    /**
     * Settles a failed attempt: {@code body} is stored as the answer, or the key is released when it
     * is null (a resumable request keeps its link either way, so its retry continues).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void settle(String key, int status, String body) {
        if (body != null) {
            completeRaw(key, status, PROBLEM, body);
        } else {
            unclaim(key);
        }
    }

    private void completeRaw(String key, int status, String contentType, String body) {
        // one UPDATE (it locks the row as a locking read would, without the read)
        int stored = em.createQuery("update IdempotencyRecord r set r.state = 'DONE', r.responseStatus = :s, "
                + "r.responseType = :t, r.responseBody = :b where r.key = :k").setParameter("s", status)
                .setParameter("t", contentType).setParameter("b", body).setParameter("k", key).executeUpdate();
        if (stored == 0) {
            throw new IllegalStateException("Idempotency-Key was not claimed before completing it");
        }
    }

    /**
     * Forgets an unanswered claim so the request can be retried with the same key; a resumable one is
     * only unlocked (forgetting it would let the retry create its order again).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String key) {
        unclaim(key);
    }

    private void unclaim(String key) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (record == null || record.isDone()) {
            return;
        }
        if (em.find(IdempotencyResume.class, key) != null) {
            record.lockUntil(OffsetDateTime.now(ZoneOffset.UTC));
        } else {
            em.remove(record);
        }
    }

    /** Deletes the current tenant's keys older than the retention. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purge() {
        return em.createQuery("delete from IdempotencyRecord r where r.createdAt < :cutoff")
                .setParameter("cutoff", OffsetDateTime.now(ZoneOffset.UTC).minus(RETENTION)).executeUpdate();
    }
}
