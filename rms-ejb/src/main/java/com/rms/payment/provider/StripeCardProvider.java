package com.rms.payment.provider;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Stripe-compatible adapter: a charge is one PaymentIntent created and confirmed
 * ({@code POST /v1/payment_intents}), a refund one {@code POST /v1/refunds}, each with a
 * deterministic Idempotency-Key, each attempt retried under {@link Backoff}.
 *
 * <p>Mapping: 2xx with {@code status: succeeded} approves (a refund also accepts {@code pending});
 * 402, 400 and 404 are the provider refusing this card or request: a decline (or a refused
 * refund), a value that never trips the circuit and is never retried. 401/403 (our key),
 * 409/429 (provider busy with the key, rate limit) and other statuses are failures that are not
 * retried; 5xx is retried unless the provider says {@code Stripe-Should-Retry: false}.
 */
final class StripeCardProvider implements CardProvider {

    static final String NAME = "stripe-compatible";

    private final String url;
    private final StripeTransport transport;
    private final Backoff backoff;

    StripeCardProvider(String url, StripeTransport transport, Backoff backoff) {
        this.url = url;
        this.transport = transport;
        this.backoff = backoff;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String url() {
        return url;
    }

    /** Frees the transport's connections. */
    void close() {
        transport.close();
    }

    @Override
    public CardCharge charge(ChargeRequest request, String providerKey) {
        Map<String, String> form = chargeForm(request);
        StripeTransport.Reply reply = backoff.run(() -> checked(transport.post("/v1/payment_intents", form, providerKey)));
        return chargeResult(reply);
    }

    @Override
    public CardRefund refund(RefundRequest request, String providerKey) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("payment_intent", request.providerRef());
        form.put("amount", Long.toString(request.amountMinor()));
        form.put("metadata[tenant]", request.tenant());
        StripeTransport.Reply reply = backoff.run(() -> checked(transport.post("/v1/refunds", form, providerKey)));
        return refundResult(reply);
    }

    /** The PaymentIntent form. Only fields that are the same on every retry: the key's parameters must not change. */
    static Map<String, String> chargeForm(ChargeRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("amount", Long.toString(request.amountMinor()));
        form.put("currency", request.currency().toLowerCase(Locale.ROOT));
        form.put("payment_method_types[]", "card");
        form.put("payment_method_data[type]", "card");
        form.put("payment_method_data[card][token]", request.token());
        form.put("confirm", "true");
        form.put("metadata[tenant]", request.tenant());
        form.put("metadata[order_id]", Long.toString(request.orderId()));
        return form;
    }

    /** Throws for the answers that are failures (retryable or not); passes values (2xx, declines) through. */
    static StripeTransport.Reply checked(StripeTransport.Reply reply) {
        int status = reply.status();
        if (status >= 200 && status < 300 || status == 400 || status == 402 || status == 404) {
            return reply;
        }
        if (status >= 500) {
            boolean retryable = !"false".equalsIgnoreCase(reply.shouldRetry());
            throw new ProviderUnavailableException("card provider answered HTTP " + status, retryable);
        }
        if (status == 401 || status == 403) {
            throw new ProviderUnavailableException("card provider rejected the API key (HTTP " + status + ")", false);
        }
        throw new ProviderUnavailableException("card provider answered HTTP " + status + " ("
                + errorField(reply, "type", "no error type") + ")", false);
    }

    static CardCharge chargeResult(StripeTransport.Reply reply) {
        if (reply.status() >= 200 && reply.status() < 300) {
            JsonObject intent = parse(reply);
            String id = string(intent, "id");
            String status = string(intent, "status");
            if (id == null) {
                throw new ProviderUnavailableException("card provider answered without a PaymentIntent id", false);
            }
            if ("succeeded".equals(status)) {
                return CardCharge.approved(id);
            }
            if ("requires_action".equals(status)) {
                return CardCharge.declined(id, "authentication_required",
                        "The card needs customer authentication, which the POS cannot perform.");
            }
            return CardCharge.declined(id, status == null ? "unknown_status" : status,
                    "The payment did not succeed (status " + status + ").");
        }
        JsonObject error = error(reply);
        String code = firstOf(string(error, "decline_code"), string(error, "code"), "card_declined");
        String message = firstOf(string(error, "message"), "The card was declined.", null);
        JsonValue intent = error.get("payment_intent");
        String ref = intent instanceof JsonObject pi ? string(pi, "id") : null;
        return CardCharge.declined(ref, code, message);
    }

    static CardRefund refundResult(StripeTransport.Reply reply) {
        if (reply.status() >= 200 && reply.status() < 300) {
            JsonObject refund = parse(reply);
            String id = string(refund, "id");
            String status = string(refund, "status");
            if (id == null) {
                throw new ProviderUnavailableException("card provider answered without a refund id", false);
            }
            if ("succeeded".equals(status) || "pending".equals(status)) {
                return CardRefund.succeeded(id);
            }
            return CardRefund.refused(id, "The refund did not succeed (status " + status + ").");
        }
        JsonObject error = error(reply);
        return CardRefund.refused(null, firstOf(string(error, "message"), string(error, "code"), "The refund was refused."));
    }

    private static JsonObject parse(StripeTransport.Reply reply) {
        try (var reader = Json.createReader(new StringReader(reply.body() == null ? "" : reply.body()))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ProviderUnavailableException("card provider answered HTTP " + reply.status() + " with a body that is not a JSON object", false);
        }
    }

    private static JsonObject error(StripeTransport.Reply reply) {
        JsonObject body;
        try {
            body = parse(reply);
        } catch (ProviderUnavailableException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        return body.get("error") instanceof JsonObject error ? error : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static String errorField(StripeTransport.Reply reply, String field, String otherwise) {
        return firstOf(string(error(reply), field), otherwise, null);
    }

    private static String string(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v != null && v.getValueType() == JsonValue.ValueType.STRING ? o.getString(name) : null;
    }

    private static String firstOf(String a, String b, String c) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : c;
    }
}
