package com.rms.payment.provider;

/** A Stripe-compatible provider account: its base URL and secret key (never printed: see toString). */
public record ProviderAccount(String url, String key) {

    @Override
    public String toString() {
        return "ProviderAccount[url=" + url + ", key=***]";
    }
}
