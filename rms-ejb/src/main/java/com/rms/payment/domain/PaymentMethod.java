package com.rms.payment.domain;

/** How a guest pays. */
public enum PaymentMethod {
    CASH, CARD, GIFT_CARD, LOYALTY_POINTS
}
