package com.rms.payment.provider;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * {@link StripeTransport} over the MicroProfile REST client, with per-attempt connect and read
 * timeouts short enough for {@link Backoff} to fit in the call's budget. The bearer key stays in
 * this object and in the Authorization header; it is never logged or put in a message.
 */
final class RestClientTransport implements StripeTransport {

    private final StripeApi api;
    private final String authorization;

    RestClientTransport(String baseUrl, String apiKey, Duration connectTimeout, Duration readTimeout) {
        this.api = RestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl))
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", Boolean.TRUE)
                .build(StripeApi.class);
        this.authorization = "Bearer " + apiKey;
    }

    @Override
    public Reply post(String path, Map<String, String> fields, String idempotencyKey) {
        Form form = new Form();
        fields.forEach(form::param);
        try (Response response = switch (path) {
            case "/v1/payment_intents" -> api.paymentIntents(authorization, idempotencyKey, form);
            case "/v1/refunds" -> api.refunds(authorization, idempotencyKey, form);
            default -> throw new IllegalArgumentException("no such provider operation: " + path);
        }) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            return new Reply(response.getStatus(), body, response.getHeaderString("Stripe-Should-Retry"));
        } catch (ProcessingException e) {
            throw new ProviderUnavailableException("card provider unreachable: " + rootCause(e), true);
        }
    }

    @Override
    public void close() {
        // MicroProfile REST clients are AutoCloseable
        if (api instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not close the card provider's REST client", e);
            }
        }
    }

    /** The class of the first I/O error in the chain (a ConnectException, a SocketTimeoutException…): no URL, no headers. */
    static String rootCause(Throwable e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof java.io.IOException) {
                return t.getClass().getSimpleName();
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return e.getClass().getSimpleName();
    }
}
