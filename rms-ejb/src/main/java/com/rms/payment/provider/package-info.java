/** The card provider port: a Stripe-compatible adapter or the sandbox, behind timeout, backoff, circuit breaker and fallback. */
package com.rms.payment.provider;
