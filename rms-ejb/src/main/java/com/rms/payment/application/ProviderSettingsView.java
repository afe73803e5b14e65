package com.rms.payment.application;

import java.time.OffsetDateTime;

/**
 * Which card provider serves a tenant: {@code source} TENANT (its own account), ENVIRONMENT
 * (RMS_PAYMENT_CARD_URL) or SANDBOX; whether a key is set (the key itself is never returned); the
 * tenant's circuit with that provider; who set the tenant's own account and when.
 */
public record ProviderSettingsView(String tenant, String source, String provider, String url, boolean keySet,
        String circuit, long retryAfterSeconds, OffsetDateTime updatedAt, String updatedBy) {
}
