package com.rms.online.domain;

/**
 * How an online order is paid (API.md): paid to the partner already, by card through the card port, or
 * in cash when it is handed over (the order's balance).
 */
public enum OnlinePayment {
    PREPAID, CARD, CASH_ON_DELIVERY
}
