package com.rms.online.domain;

/** How the customer gets an online order: collected at the outlet, or delivered (then an address is required). */
public enum Fulfilment {
    PICKUP, DELIVERY
}
