package com.rms.payment.provider;

import java.util.List;

/**
 * The environment's card provider ({@code sandbox} or {@code stripe-compatible}) and where, the worst
 * state of the tenants' circuits (CLOSED, OPEN, HALF_OPEN), and each circuit that is not closed.
 */
public record ProviderStatus(String provider, String url, String circuit, List<Circuit> circuits) {

    /** A tenant's circuit with a provider ({@code sandbox} or its URL) that is not closed. */
    public record Circuit(String tenant, String provider, String state, long retryAfterSeconds) {
    }
}
