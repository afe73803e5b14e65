package com.rms.platform.idempotency;

import com.rms.platform.error.ConflictException;
import com.rms.platform.error.IdempotencyKeyReuseException;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import com.rms.platform.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
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

/**
 * The API's {@code Idempotency-Key}, per tenant (the table is in the tenant's schema):
 * <ul>
 * <li>{@link #claim} is called first, in a transaction of its own: a new key is recorded as in flight;
 * the same key with another request is 422 {@code idempotency-key-reuse}; with the same request it is
 * the stored answer to replay, or 409 while the first is still in flight;</li>
 * <li>the operation stores its answer with {@link #complete} <em>in its own business transaction</em>,
 * so the answer and the change commit together (a crash leaves neither or both);</li>
 * <li>an operation that changed nothing and may be retried (conflict, outage) {@link #release}s the key.</li>
 * </ul>
 * An in-flight claim older than {@link #IN_FLIGHT_LEASE} (its server died) may be taken over by a
 * retry; operations are written so that a takeover never does their work twice (payments reuse their
 * provider key). Keys older than {@link #RETENTION} are forgotten and purged.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final Duration RETENTION = Duration.ofHours(24);
    public static final Duration IN_FLIGHT_LEASE = Duration.ofSeconds(30);
    public static final String JSON = "application/json";

    private static final Jsonb JSONB = JsonbBuilder.create();

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    /** The stored answer to a request already answered. */
    public record Replay(int status, String contentType, String body) {
    }

    /** Checks a key's shape: 1–255 printable characters. */
    public static String require(String key) {
        if (key == null || key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new ValidationException("the Idempotency-Key header is required",
                    List.of(new FieldError("Idempotency-Key", "must be 1 to 255 visible ASCII characters")));
        }
        return key;
    }

    /**
     * Claims {@code key} for a request with fingerprint {@code requestHash}.
     *
     * @return null when the caller should go ahead, or the stored answer to replay
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Replay claim(String key, String requestHash) {
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
            return null;
        }
        if (record.getCreatedAt().isBefore(now.minus(RETENTION))) {
            record.restart(requestHash, now, now.plus(IN_FLIGHT_LEASE));
            return null;
        }
        if (!record.getRequestHash().equals(requestHash)) {
            throw new IdempotencyKeyReuseException("this Idempotency-Key was used with a different request");
        }
        if (record.isDone()) {
            return new Replay(record.getResponseStatus(), record.getResponseType(), record.getResponseBody());
        }
        if (record.getLockedUntil().isAfter(now)) {
            throw new ConflictException("a request with this Idempotency-Key is in flight");
        }
        record.lockUntil(now.plus(IN_FLIGHT_LEASE));
        return null;
    }

    /** Stores the answer to {@code key} in the caller's (business) transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String key, int status, Object body) {
        completeRaw(key, status, JSON, JSONB.toJson(body));
    }

    /** Replaces the stored answer after the business transactions (a quick sale's order once its tenders are paid). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void completeAlone(String key, int status, Object body) {
        completeRaw(key, status, JSON, JSONB.toJson(body));
    }

    /** Stores an answer given after the business transaction (an error that changed nothing lasting). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void completeAlone(String key, int status, String contentType, String body) {
        completeRaw(key, status, contentType, body);
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

    /** Forgets an unanswered claim so the request can be retried with the same key. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String key) {
        IdempotencyRecord record = em.find(IdempotencyRecord.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (record != null && !record.isDone()) {
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
