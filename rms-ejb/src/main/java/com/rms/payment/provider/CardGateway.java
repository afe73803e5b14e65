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
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import org.eclipse.microprofile.config.Config;

/**
 * The card provider port: the only way the application takes or refunds a card payment.
 *
 * <p>A tenant the platform admin gave its own account ({@link ProviderAccounts}) is charged there;
 * every other tenant through the environment's provider: with {@code RMS_PAYMENT_CARD_URL} set, the
 * Stripe-compatible API there with {@code RMS_PAYMENT_CARD_KEY}; without it, the in-process sandbox of
 * Stripe's test tokens. Either way every call passes {@link GuardedCardProvider}'s timeout, the circuit
 * of its tenant and provider, and the fallback.
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
    /** Attempts of one call, the first backoff (then doubled), and the time they may take together: inside the 2.5 s timeout. */
    static final int ATTEMPTS = 3;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    static final Duration BUDGET = Duration.ofMillis(2300);
    /** The circuit name of the sandbox, which has no URL. */
    static final String SANDBOX = "sandbox";

    private static final RmsLog LOG = RmsLog.of(CardGateway.class);

    @Inject
    Config config;

    @Inject
    GuardedCardProvider guard;

    @Inject
    ProviderAccounts accounts;

    private CardProvider environment;
    private boolean environmentKeySet;
    private Duration connect;
    private Duration read;

    /** The REST clients of tenants' own accounts, one per account; a changed account's client is closed. */
    private final Cache<ProviderAccount, StripeCardProvider> tenantProviders = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterAccess(Duration.ofHours(1))
            .removalListener((ProviderAccount account, StripeCardProvider provider, RemovalCause cause) -> {
                if (provider != null) {
                    provider.close();
                }
            }).build();

    /** Which provider serves a tenant, and where its settings come from: TENANT, ENVIRONMENT or SANDBOX. */
    public record Route(String provider, String url, String source, boolean keySet, String circuit,
            long retryAfterSeconds) {
    }

    @PostConstruct
    void init() {
        connect = Duration.ofMillis(config.getOptionalValue(CONNECT_TIMEOUT_KEY, Long.class).orElse(500L));
        read = Duration.ofMillis(config.getOptionalValue(READ_TIMEOUT_KEY, Long.class).orElse(800L));
        Optional<String> url = environmentUrl();
        if (url.isEmpty()) {
            environment = new SandboxCardProvider();
            LOG.info(LogContext.BUSINESS, "Card payments use the sandbox provider (Stripe test tokens); set "
                    + URL_KEY + " and " + API_KEY + " for a real provider");
            return;
        }
        String base = trimSlash(url.get());
        String key = config.getOptionalValue(API_KEY, String.class).map(String::trim).orElse("");
        if (key.isEmpty()) {
            LOG.warn(LogContext.SECURITY, API_KEY + " is not set: the card provider at " + base
                    + " will refuse every call and card payments will answer 503");
        }
        environment = stripe(new ProviderAccount(base, key));
        environmentKeySet = !key.isEmpty();
        LOG.info(LogContext.BUSINESS, "Card payments use the Stripe-compatible provider at " + base
                + " (connect timeout " + connect.toMillis() + " ms, read timeout " + read.toMillis() + " ms)");
    }

    private Optional<String> environmentUrl() {
        return config.getOptionalValue(URL_KEY, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    private StripeCardProvider stripe(ProviderAccount account) {
        return new StripeCardProvider(account.url(), new RestClientTransport(account.url(), account.key(), connect, read),
                Backoff.of(ATTEMPTS, FIRST_BACKOFF, BUDGET, connect.plus(read)));
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private CardProvider providerOf(String tenant) {
        return accounts.of(tenant).<CardProvider>map(a -> tenantProviders.get(a, this::stripe)).orElse(environment);
    }

    private static String circuitOf(CardProvider provider) {
        return provider.url() == null ? SANDBOX : provider.url();
    }

    /** Takes a card payment: approved or declined, or a ServiceUnavailableException when the provider gives no answer. */
    public CardCharge charge(ChargeRequest request) {
        validate(request);
        String providerKey = ProviderKeys.charge(request);
        CardProvider provider = providerOf(request.tenant());
        CardCharge result = (CardCharge) guard.call(request.tenant(), circuitOf(provider),
                () -> provider.charge(request, providerKey));
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
        CardProvider provider = providerOf(request.tenant());
        CardRefund result = (CardRefund) guard.call(request.tenant(), circuitOf(provider),
                () -> provider.refund(request, providerKey));
        LOG.info(LogContext.BUSINESS, "Card refund of " + request.providerRef() + (result.succeeded()
                ? " succeeded: " + result.providerRef() : " refused: " + result.failureMessage()));
        return result;
    }

    /**
     * The environment's provider and, as {@code circuit}, the worst state of any tenant's circuit
     * (OPEN, HALF_OPEN or CLOSED), with every circuit that is not closed: for the system status and readiness.
     */
    public ProviderStatus status() {
        // a circuit of a provider the tenant no longer uses (its account changed) is history, not state
        List<CardCircuits.View> open = guard.notClosed().stream().filter(this::current).toList();
        String worst = open.stream().anyMatch(v -> v.state().equals("OPEN")) ? "OPEN"
                : open.isEmpty() ? "CLOSED" : "HALF_OPEN";
        return new ProviderStatus(environment.name(), environment.url(), worst, open.stream()
                .map(v -> new ProviderStatus.Circuit(v.tenant(), v.provider(), v.state(), v.retryAfterSeconds())).toList());
    }

    /** Whether the circuit is of the provider that serves its tenant now (when that cannot be read, it is shown). */
    private boolean current(CardCircuits.View circuit) {
        try {
            return circuitOf(providerOf(circuit.tenant())).equals(circuit.provider());
        } catch (RuntimeException unreadable) {
            // the status must not fail with one tenant's account; the charge that needs it reports why
            return true;
        }
    }

    /** The provider serving {@code tenant}, where its settings come from, and that tenant's circuit. */
    public Route route(String tenant) {
        CardProvider provider = providerOf(tenant);
        String source = provider != environment ? "TENANT" : environment.url() == null ? "SANDBOX" : "ENVIRONMENT";
        return new Route(provider.name(), provider.url(), source, !"SANDBOX".equals(source) && environmentKeySet,
                guard.state(tenant, circuitOf(provider)),
                guard.retryAfterSeconds(tenant, circuitOf(provider)));
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
