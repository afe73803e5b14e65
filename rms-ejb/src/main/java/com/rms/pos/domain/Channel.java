package com.rms.pos.domain;

/** Where an order comes from. */
public enum Channel {
    DINE_IN, TAKEAWAY, DELIVERY, ONLINE
}
