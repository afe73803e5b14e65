package com.rms.payment.provider;

/** The provider's answer to a charge: approved with its reference, or declined with the reason. A decline is a value, not a failure. */
public record CardCharge(boolean approved, String providerRef, String declineCode, String declineMessage) {

    public static CardCharge approved(String providerRef) {
        return new CardCharge(true, providerRef, null, null);
    }

    public static CardCharge declined(String providerRef, String declineCode, String declineMessage) {
        return new CardCharge(false, providerRef, declineCode, declineMessage);
    }
}
