package com.rms.payment.provider;

/** Money back on a charge, idempotent by key. */
public record RefundRequest(String tenant, String providerRef, long amountMinor, String currency, String idempotencyKey) {
}
