package com.rms.customer.domain;

/** Why points moved: earned by a completed order, taken back by its refund or void. */
public enum LoyaltyKind {
    EARN, REFUND, VOID
}
