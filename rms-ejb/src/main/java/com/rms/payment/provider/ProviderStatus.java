package com.rms.payment.provider;

/** Which card provider the server uses ({@code sandbox} or {@code stripe-compatible}), where, and its circuit (CLOSED, OPEN, HALF_OPEN). */
public record ProviderStatus(String provider, String url, String circuit) {}
