package com.rms.payment.provider;

import com.rms.platform.text.Hashes;

/**
 * The idempotency keys sent to the provider. One provider account serves every tenant, so a
 * client's key is namespaced by tenant (and order, or the charge refunded) before it leaves:
 * two tenants using the same Idempotency-Key never get each other's charge replayed. Hashed to a
 * fixed length (provider keys are limited to 255 characters) and deterministic: the same request
 * always yields the same key, which is what makes a retry harmless.
 */
final class ProviderKeys {

    private ProviderKeys() {
    }

    static String charge(ChargeRequest r) {
        return "rms-ch-" + sha256(r.tenant() + '\u0000' + r.orderId() + '\u0000' + r.idempotencyKey());
    }

    static String refund(RefundRequest r) {
        return "rms-re-" + sha256(r.tenant() + '\u0000' + r.providerRef() + '\u0000' + r.idempotencyKey());
    }

    static String sha256(String text) {
        return Hashes.sha256(text);
    }
}
