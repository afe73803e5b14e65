package com.rms.inventory.domain;

/** DRAFT → SENT → PARTIALLY_RECEIVED → RECEIVED; DRAFT or SENT → CANCELLED. */
public enum PurchaseOrderStatus {
    DRAFT, SENT, PARTIALLY_RECEIVED, RECEIVED, CANCELLED;

    public boolean mayReceive() {
        return this == SENT || this == PARTIALLY_RECEIVED;
    }

    public boolean mayCancel() {
        return this == DRAFT || this == SENT;
    }
}
