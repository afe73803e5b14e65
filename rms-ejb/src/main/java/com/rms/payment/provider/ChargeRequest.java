package com.rms.payment.provider;

/**
 * A card charge to take. {@code idempotencyKey} must be stable across retries of the same tender and
 * distinct between tenders (e.g. the request's Idempotency-Key plus the tender's index): it becomes,
 * with the tenant and the order, the provider's Idempotency-Key, so a retry is never a second charge.
 * {@code paymentId} is informational only and is not part of that key.
 */
public record ChargeRequest(String tenant, long orderId, long paymentId, long amountMinor, String currency,
        String token, String idempotencyKey) {

    /** No token in clear in logs or exception messages. */
    @Override
    public String toString() {
        return "ChargeRequest[tenant=" + tenant + ", orderId=" + orderId + ", paymentId=" + paymentId + ", amountMinor="
                + amountMinor + ", currency=" + currency + ", token=" + Redact.token(token) + "]";
    }
}
