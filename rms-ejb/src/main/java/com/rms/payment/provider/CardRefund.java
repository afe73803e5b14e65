package com.rms.payment.provider;

/** The provider's answer to a refund. */
public record CardRefund(boolean succeeded, String providerRef, String failureMessage) {
}
