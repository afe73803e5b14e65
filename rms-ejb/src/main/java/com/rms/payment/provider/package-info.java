/**
 * The card provider port: a Stripe-compatible adapter (the environment's account or a tenant's own)
 * or the sandbox, behind timeout, backoff, a circuit per tenant and provider, and the 503 fallback.
 */
package com.rms.payment.provider;
