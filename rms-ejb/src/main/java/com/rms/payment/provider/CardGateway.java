package com.rms.payment.provider;

import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ServiceUnavailableException;
import com.rms.platform.error.ValidationException;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The card provider port: the only way the application takes or refunds a card payment.
 *
 * <p>With {@code RMS_PAYMENT_CARD_URL} set it speaks the Stripe-compatible API there with
 * {@code RMS_PAYMENT_CARD_KEY}; without it, the in-process sandbox of Stripe's test tokens. Either
 * way every call passes {@link GuardedCardProvider}'s timeout, circuit breaker and fallback.
 *
 * <p>A decline is a {@link CardCharge} value. An outage (timeout, connection error, 5xx after the
 * retries, circuit open) is a {@link ServiceUnavailableException} with Retry-After: the caller must
 * record no payment. A retried call with the same idempotency key reaches the provider with the same
 * key, so it is never a second charge.
 */
@ApplicationScoped
public class CardGateway {

    static final String URL_KEY = "RMS_PAYMENT_CARD_URL";
    static final String API_KEY = "RMS_PAYMENT_CARD_KEY";
    static final String CONNECT_TIMEOUT_KEY = "rms.payment.card.connect-timeout-ms";
    static final String READ_TIMEOUT_KEY = "rms.payment.card.read-timeout-ms";
    /** Attempts of one call, the first backoff (then doubled), and the time they may take together: inside the 2.5 s @Timeout. */
    static final int ATTEMPTS = 3;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    static final Duration BUDGET = Duration.ofMillis(2300);

    private static final RmsLog LOG = RmsLog.of(CardGateway.class);

    @Inject
    Config config;

    @Inject
    GuardedCardProvider guard;

    private CardProvider provider;

    @PostConstruct
    void init() {
        Optional<String> url = config.getOptionalValue(URL_KEY, String.class).map(String::trim).filter(s -> !s.isEmpty());
        if (url.isEmpty()) {
            provider = new SandboxCardProvider();
            LOG.info(LogContext.BUSINESS, "Card payments use the sandbox provider (Stripe test tokens); set "
                    + URL_KEY + " and " + API_KEY + " for a real provider");
            return;
        }
        String base = url.get().endsWith("/") ? url.get().substring(0, url.get().length() - 1) : url.get();
        String key = config.getOptionalValue(API_KEY, String.class).map(String::trim).orElse("");
        if (key.isEmpty()) {
            LOG.warn(LogContext.SECURITY, API_KEY + " is not set: the card provider at " + base
                    + " will refuse every call and card payments will answer 503");
        }
        Duration connect = Duration.ofMillis(config.getOptionalValue(CONNECT_TIMEOUT_KEY, Long.class).orElse(500L));
        Duration read = Duration.ofMillis(config.getOptionalValue(READ_TIMEOUT_KEY, Long.class).orElse(800L));
        provider = new StripeCardProvider(base, new RestClientTransport(base, key, connect, read),
                Backoff.of(ATTEMPTS, FIRST_BACKOFF, BUDGET, connect.plus(read)));
        LOG.info(LogContext.BUSINESS, "Card payments use the Stripe-compatible provider at " + base
                + " (connect timeout " + connect.toMillis() + " ms, read timeout " + read.toMillis() + " ms)");
    }

    /** Takes a card payment: approved or declined, or a ServiceUnavailableException when the provider gives no answer. */
    public CardCharge charge(ChargeRequest request) {
        validate(request);
        String providerKey = ProviderKeys.charge(request);
        CardCharge result = (CardCharge) guard.call(() -> provider.charge(request, providerKey));
        if (result.approved()) {
            LOG.info(LogContext.BUSINESS, "Card charge approved for order " + request.orderId() + ": " + result.providerRef());
        } else {
            LOG.info(LogContext.BUSINESS, "Card charge declined for order " + request.orderId() + ": " + result.declineCode());
        }
        return result;
    }

    /** Refunds (part of) a charge: succeeded or refused, or a ServiceUnavailableException when the provider gives no answer. */
    public CardRefund refund(RefundRequest request) {
        validate(request);
        String providerKey = ProviderKeys.refund(request);
        CardRefund result = (CardRefund) guard.call(() -> provider.refund(request, providerKey));
        LOG.info(LogContext.BUSINESS, "Card refund of " + request.providerRef() + (result.succeeded()
                ? " succeeded: " + result.providerRef() : " refused: " + result.failureMessage()));
        return result;
    }

    /** The provider in use and its circuit, for the system status and readiness. */
    public ProviderStatus status() {
        return new ProviderStatus(provider.name(), provider.url(), guard.circuit().state().name());
    }

    /** Seconds until the open circuit lets a trial call through; 0 when it is not open. */
    public long circuitRetryAfterSeconds() {
        return guard.circuit().state() == CircuitMirror.State.OPEN ? guard.circuit().retryAfterSeconds(0) : 0;
    }

    private static void validate(ChargeRequest r) {
        List<FieldError> errors = new ArrayList<>();
        common(errors, r.tenant(), r.amountMinor(), r.currency(), r.idempotencyKey());
        if (r.token() == null || r.token().isBlank()) {
            errors.add(new FieldError("cardToken", "a card token is required for a card payment"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The card payment is invalid", errors);
        }
    }

    private static void validate(RefundRequest r) {
        List<FieldError> errors = new ArrayList<>();
        common(errors, r.tenant(), r.amountMinor(), r.currency(), r.idempotencyKey());
        if (r.providerRef() == null || r.providerRef().isBlank()) {
            errors.add(new FieldError("providerRef", "the charge to refund is required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("The card refund is invalid", errors);
        }
    }

    private static void common(List<FieldError> errors, String tenant, long amountMinor, String currency, String key) {
        if (tenant == null || tenant.isBlank()) {
            errors.add(new FieldError("tenant", "the tenant is required"));
        }
        if (amountMinor <= 0) {
            errors.add(new FieldError("amount", "must be greater than zero"));
        }
        if (currency == null || !currency.matches("[A-Za-z]{3}")) {
            errors.add(new FieldError("currency", "must be an ISO 4217 code"));
        }
        if (key == null || key.isBlank()) {
            errors.add(new FieldError("idempotencyKey", "is required"));
        }
    }
}
