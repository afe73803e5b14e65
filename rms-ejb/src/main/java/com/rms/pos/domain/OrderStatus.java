package com.rms.pos.domain;

/**
 * An order's life: OPEN (taking lines) → SENT (fired to the kitchen; lines may still be added) →
 * COMPLETED (paid in full); OPEN or SENT → VOIDED (nothing paid); COMPLETED → PARTIALLY_REFUNDED →
 * REFUNDED; COMPLETED → OPEN or SENT again when a manager re-opens it (payments stay).
 */
public enum OrderStatus {
    OPEN, SENT, COMPLETED, VOIDED, REFUNDED, PARTIALLY_REFUNDED;

    /** Lines may be added, voided and sent, and payments taken. */
    public boolean open() {
        return this == OPEN || this == SENT;
    }

    /** Paid in full: money may be refunded. */
    public boolean refundable() {
        return this == COMPLETED || this == PARTIALLY_REFUNDED;
    }
}
