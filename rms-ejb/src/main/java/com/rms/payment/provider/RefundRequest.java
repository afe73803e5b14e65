package com.rms.payment.provider;

/** A refund of (part of) a charge, by the charge's provider reference; the key follows the same rules as a charge's. */
public record RefundRequest(String tenant, String providerRef, long amountMinor, String currency, String idempotencyKey) {}
