package com.rms.payment.provider;

import jakarta.enterprise.context.ApplicationScoped;

/** PLACEHOLDER until the provider port lands from its branch: sandbox semantics only. */
@ApplicationScoped
public class CardGateway {

    public CardCharge charge(ChargeRequest request) {
        return switch (request.token()) {
            case "tok_visa", "tok_mastercard", "tok_amex" -> new CardCharge(true, "pi_sbx_" + request.idempotencyKey(), null, null);
            case "tok_chargeDeclined" -> new CardCharge(false, null, "card_declined", "Your card was declined.");
            default -> new CardCharge(false, null, "invalid_token", "The card token is not valid.");
        };
    }

    public CardRefund refund(RefundRequest request) {
        return new CardRefund(true, "re_sbx_" + request.idempotencyKey(), null);
    }
}
