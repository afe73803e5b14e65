package com.rms.inventory.domain;

/** Why stock moved. Each reason has a direction; COUNT and CORRECTION may go either way. */
public enum MovementReason {
    SALE, REFUND, PURCHASE, WASTE, COUNT, CORRECTION, TRANSFER_OUT, TRANSFER_IN
}
