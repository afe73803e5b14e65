package com.rms.payment.provider;

import java.util.Map;

/**
 * The provider used when no card provider is configured: Stripe's test tokens, answered in
 * process. {@code tok_visa}, {@code tok_mastercard} and {@code tok_amex} succeed; the
 * {@code tok_chargeDeclined*} tokens decline with Stripe's codes; any other token declines as
 * {@code invalid_token} (the sandbox never approves what it does not know).
 *
 * <p>References are derived from the idempotency key (same key, same reference: a retry is never a
 * second charge) and carry a check suffix, so a refund is accepted exactly for references this
 * sandbox issued, across restarts, without any state.
 */
final class SandboxCardProvider implements CardProvider {

    static final String NAME = "sandbox";

    private static final Map<String, String[]> DECLINES = Map.of(
            "tok_chargeDeclined", new String[] {"generic_decline", "Your card was declined."},
            "tok_chargeDeclinedInsufficientFunds", new String[] {"insufficient_funds", "Your card has insufficient funds."},
            "tok_chargeDeclinedExpiredCard", new String[] {"expired_card", "Your card has expired."});

    private static final java.util.Set<String> APPROVED = java.util.Set.of("tok_visa", "tok_mastercard", "tok_amex");

    static boolean isTestToken(String token) {
        return APPROVED.contains(token) || DECLINES.containsKey(token);
    }

    @Override
    public CardCharge charge(ChargeRequest request, String providerKey) {
        String token = request.token();
        if (APPROVED.contains(token)) {
            return CardCharge.approved(reference("pi_sbx_", providerKey));
        }
        String[] decline = DECLINES.get(token);
        if (decline != null) {
            return CardCharge.declined(null, decline[0], decline[1]);
        }
        return CardCharge.declined(null, "invalid_token", "The card token is not one of the sandbox's test tokens.");
    }

    @Override
    public CardRefund refund(RefundRequest request, String providerKey) {
        if (!issued(request.providerRef())) {
            return CardRefund.refused(null, "No such payment: the sandbox did not issue this reference.");
        }
        return CardRefund.succeeded(reference("re_sbx_", providerKey));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String url() {
        return null;
    }

    /** {@code prefix} + 24 hex of the key's hash + "_" + 8 hex check over those 24. */
    static String reference(String prefix, String providerKey) {
        String body = ProviderKeys.sha256(providerKey).substring(0, 24);
        return prefix + body + "_" + check(body);
    }

    static boolean issued(String ref) {
        if (ref == null || !ref.startsWith("pi_sbx_") || ref.length() != "pi_sbx_".length() + 24 + 1 + 8) {
            return false;
        }
        String body = ref.substring(7, 31);
        return ref.charAt(31) == '_' && ref.substring(32).equals(check(body));
    }

    private static String check(String body) {
        return ProviderKeys.sha256("rms-sandbox-card\u0000" + body).substring(0, 8);
    }
}
