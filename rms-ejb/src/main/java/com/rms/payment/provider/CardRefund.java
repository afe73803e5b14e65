package com.rms.payment.provider;

/** The provider's answer to a refund: succeeded with the refund's reference, or refused with the provider's message. */
public record CardRefund(boolean succeeded, String providerRef, String failureMessage) {

    public static CardRefund succeeded(String providerRef) {
        return new CardRefund(true, providerRef, null);
    }

    public static CardRefund refused(String providerRef, String failureMessage) {
        return new CardRefund(false, providerRef, failureMessage);
    }
}
