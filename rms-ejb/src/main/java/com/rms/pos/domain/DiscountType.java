package com.rms.pos.domain;

/** How an order discount is given: a percentage of the subtotal or a fixed amount. */
public enum DiscountType {
    PERCENT, AMOUNT
}
