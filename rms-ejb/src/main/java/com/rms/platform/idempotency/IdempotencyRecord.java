package com.rms.platform.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One Idempotency-Key of a tenant: the fingerprint of its request and, once answered, the answer. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyRecord {

    @Id
    @Column(name = "idem_key")
    private String key;

    @Column(name = "request_hash", nullable = false)
    private String requestHash;

    @Column(nullable = false)
    private String state;

    @Column(name = "response_status")
    private Integer responseStatus;

    @Column(name = "response_type")
    private String responseType;

    @Column(name = "response_body")
    private String responseBody;

    @Column(name = "locked_until", nullable = false)
    private OffsetDateTime lockedUntil;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected IdempotencyRecord() {
    }

    /** A key in flight until {@code lockedUntil}. */
    IdempotencyRecord(String key, String requestHash, OffsetDateTime now, OffsetDateTime lockedUntil) {
        this.key = key;
        restart(requestHash, now, lockedUntil);
    }

    /** A key answered at once: a first attempt's row, inserted with its answer. */
    IdempotencyRecord(String key, String requestHash, OffsetDateTime now, int status, String contentType, String body) {
        this(key, requestHash, now, now);
        answer(status, contentType, body);
    }

    final void restart(String requestHash, OffsetDateTime now, OffsetDateTime lockedUntil) {
        this.requestHash = requestHash;
        this.state = "IN_FLIGHT";
        this.responseStatus = null;
        this.responseType = null;
        this.responseBody = null;
        this.createdAt = now;
        this.lockedUntil = lockedUntil;
    }

    /**
     * In flight again until {@code until}: a partly answered request continued, an expired lease taken
     * over, or (with {@code until} now) a continuation's key unlocked for the next retry.
     */
    void take(OffsetDateTime until) {
        state = "IN_FLIGHT";
        lockedUntil = until;
    }

    void answer(int status, String contentType, String body) {
        state = "DONE";
        responseStatus = status;
        responseType = contentType;
        responseBody = body;
    }

    String getKey() {
        return key;
    }

    String getRequestHash() {
        return requestHash;
    }

    boolean isDone() {
        return "DONE".equals(state);
    }

    Integer getResponseStatus() {
        return responseStatus;
    }

    String getResponseType() {
        return responseType;
    }

    String getResponseBody() {
        return responseBody;
    }

    OffsetDateTime getLockedUntil() {
        return lockedUntil;
    }

    OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
