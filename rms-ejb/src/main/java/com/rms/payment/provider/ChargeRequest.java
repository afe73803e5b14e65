package com.rms.payment.provider;

/** A card charge: amount in minor units, the provider's card token, and the idempotency key that makes a retry one charge. */
public record ChargeRequest(String tenant, long orderId, long paymentId, long amountMinor, String currency, String token,
        String idempotencyKey) {
}
