package com.rms.payment.application;

/** A tenant's own card provider: its Stripe-compatible base URL (without /v1) and secret key. */
public record ProviderSettingsCommand(String url, String key) {

    @Override
    public String toString() {
        return "ProviderSettingsCommand[url=" + url + ", key=***]";
    }
}
