package com.rms.platform.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * The order a partly done request under an Idempotency-Key left behind (a quick sale whose tenders
 * were not all taken): a retry with the key continues on it instead of creating another.
 */
@Entity
@Table(name = "idempotency_resume")
public class IdempotencyResume {

    @Id
    @Column(name = "idem_key")
    private String key;

    @Column(name = "order_id", nullable = false)
    private long orderId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected IdempotencyResume() {
    }

    IdempotencyResume(String key, long orderId, OffsetDateTime createdAt) {
        this.key = key;
        this.orderId = orderId;
        this.createdAt = createdAt;
    }

    long getOrderId() {
        return orderId;
    }
}
