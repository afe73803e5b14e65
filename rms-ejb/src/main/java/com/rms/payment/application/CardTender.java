package com.rms.payment.application;

import java.math.BigDecimal;

/**
 * A card charge about to be made on an order: written PENDING before the provider is called, with the
 * provider's idempotency key, and whether it is the tender that settles the order (its stock is held
 * until the charge is answered).
 */
public record CardTender(long orderId, long outletId, String currency, BigDecimal amount, BigDecimal tip,
        String providerKey, boolean holdsStock, String by) {
}
