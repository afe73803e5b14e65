package com.rms.payment.provider;

/** The provider's answer to a charge: approved with its reference, or declined with a code and message. */
public record CardCharge(boolean approved, String providerRef, String declineCode, String declineMessage) {
}
