package com.rms.payment.application;

import java.math.BigDecimal;

/**
 * Money given back on one tender of an order: the card part already refunded at the provider
 * ({@code providerRef}), a cash part out of the drawer session {@code cashSessionId}.
 */
public record RefundEntry(long orderId, long paymentId, long outletId, BigDecimal amount, String reason,
        String providerRef, Long cashSessionId, String approvedBy, String by) {
}
