package com.rms.payment.provider;

/** One card provider implementation. {@code providerKey} is the idempotency key sent to (or used by) the provider. */
interface CardProvider {

    CardCharge charge(ChargeRequest request, String providerKey);

    CardRefund refund(RefundRequest request, String providerKey);

    /** {@code sandbox} or {@code stripe-compatible}. */
    String name();

    /** The provider's base URL; null for the sandbox. */
    String url();
}
