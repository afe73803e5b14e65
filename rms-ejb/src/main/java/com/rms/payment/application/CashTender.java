package com.rms.payment.application;

import java.math.BigDecimal;

/**
 * Cash taken on an order: the amount applied, the tip, what was handed over and the change, against
 * the outlet's open drawer session; {@code providerKey} makes the tender unique (a retry finds it).
 */
public record CashTender(long orderId, long outletId, String currency, BigDecimal amount, BigDecimal tip,
        BigDecimal tendered, BigDecimal change, String providerKey, long cashSessionId, String by) {
}
