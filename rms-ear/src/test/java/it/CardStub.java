package it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Stripe-compatible card provider for the integration tests: the subset the server uses
 * ({@code POST /v1/payment_intents} confirmed at once, {@code POST /v1/refunds}), Stripe's test
 * tokens, bearer-key check, and idempotency as Stripe does it (same Idempotency-Key, same answer,
 * charged once; same key with other parameters, 400). Programmable outages: fail the next N calls
 * with 500, hang every call for a while, stop listening (connection refused). It counts every
 * request and every PaymentIntent so tests can assert "charged exactly once".
 *
 * <p>It runs on {@code -Drms.card.stub.port} (failsafe passes it; the build then points the server's
 * RMS_PAYMENT_CARD_URL at it); without that property there is no stub and the server uses its sandbox.
 */
public final class CardStub {

    /** The secret key the build gives the server with the stub (a test value, not a secret). */
    public static final String KEY = "sk_test_rms_card_stub";
    /** Keys a test gives a tenant's own account at the stub: accepted too, and recorded with each request. */
    public static final String TENANT_KEY_PREFIX = "sk_test_tenant_";

    /** One PaymentIntent the stub created. */
    public record Intent(String id, String tenant, long orderId, long amount, String currency, String status, String idempotencyKey) {}

    /** One request the stub received (after the key check). */
    public record Request(String path, String idempotencyKey, Map<String, String> form, String apiKey) {}

    private record Stored(int status, String body, Map<String, String> form) {}

    private static CardStub shared;

    private final int port;
    private HttpServer server;
    private ExecutorService executor;
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile long hangMillis;
    private final Map<String, Stored> idempotency = new ConcurrentHashMap<>();
    private final Map<String, Intent> intents = new ConcurrentHashMap<>();
    private final Map<String, Long> refunded = new ConcurrentHashMap<>();
    private final List<Request> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    private CardStub(int port) {
        this.port = port;
    }

    /** The stub of this test run, started on first use; null when the build runs the server on its sandbox. */
    public static synchronized CardStub shared() {
        String port = System.getProperty("rms.card.stub.port", "");
        if (port.isBlank() || port.startsWith("${")) {
            return null;
        }
        if (shared == null) {
            shared = new CardStub(Integer.parseInt(port.trim()));
            shared.start();
        }
        return shared;
    }

    static synchronized void stopShared() {
        if (shared != null) {
            shared.stop();
            shared = null;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Listens (again): calls reach it. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new IllegalStateException("the card stub cannot listen on port " + port, e);
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "card-stub");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Stops listening: the server's calls get "connection refused". */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    /** The next {@code n} calls answer 500 before doing anything. */
    public void failNext(int n) {
        failNext.set(n);
    }

    /** Every call waits this long before it is processed (and is then processed normally); zero to stop. */
    public void hang(Duration duration) {
        hangMillis = duration.toMillis();
    }

    /** No failures, no hang, listening. Recorded intents and requests stay. */
    public void heal() {
        failNext.set(0);
        hangMillis = 0;
        start();
    }

    /** PaymentIntents that succeeded for this order of this tenant. */
    public long succeededCharges(String tenant, long orderId) {
        return intents.values().stream().filter(i -> i.tenant().equals(tenant) && i.orderId() == orderId
                && i.status().equals("succeeded")).count();
    }

    /** Every PaymentIntent created for this order of this tenant (succeeded or declined). */
    public List<Intent> intents(String tenant, long orderId) {
        return intents.values().stream().filter(i -> i.tenant().equals(tenant) && i.orderId() == orderId).toList();
    }

    /** Charge requests (attempts) received for this order of this tenant, failed ones included. */
    public long chargeRequests(String tenant, long orderId) {
        return requests.stream().filter(r -> r.path().equals("/v1/payment_intents")
                && tenant.equals(r.form().get("metadata[tenant]")) && String.valueOf(orderId).equals(r.form().get("metadata[order_id]"))).count();
    }

    /** The API keys that authorised the charge requests of this tenant, in order. */
    public List<String> chargeKeys(String tenant) {
        return requests.stream().filter(r -> r.path().equals("/v1/payment_intents")
                && tenant.equals(r.form().get("metadata[tenant]"))).map(Request::apiKey).toList();
    }

    public long refundedAmount(String intentId) {
        return refunded.getOrDefault(intentId, 0L);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long hang = hangMillis;
            if (hang > 0) {
                try {
                    Thread.sleep(hang);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, error("invalid_request_error", "method_not_allowed", null, "POST only"));
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String apiKey = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
            if (!(KEY.equals(apiKey) || apiKey.startsWith(TENANT_KEY_PREFIX) && apiKey.length() > TENANT_KEY_PREFIX.length())) {
                send(exchange, 401, error("invalid_request_error", null, null, "Invalid API Key provided"));
                return;
            }
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            requests.add(new Request(path, key, form, apiKey));
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(exchange, 500, error("api_error", null, null, "The stub was told to fail"));
                return;
            }
            if (key == null || key.isBlank()) {
                send(exchange, 400, error("invalid_request_error", "idempotency_key_missing", null, "The RMS stub requires an Idempotency-Key"));
                return;
            }
            Stored answer;
            synchronized (this) {
                String scoped = path + " " + key;
                Stored before = idempotency.get(scoped);
                if (before != null) {
                    answer = before.form().equals(form) ? before
                            : new Stored(400, error("idempotency_error", null, null,
                                    "Keys for idempotent requests can only be used with the same parameters"), form);
                } else {
                    answer = switch (path) {
                        case "/v1/payment_intents" -> charge(form, key);
                        case "/v1/refunds" -> refund(form);
                        default -> new Stored(404, error("invalid_request_error", "resource_missing", null, "Unrecognized request URL"), form);
                    };
                    if (answer.status() < 500) {
                        idempotency.put(scoped, answer);
                    }
                }
            }
            send(exchange, answer.status(), answer.body());
        }
    }

    private Stored charge(Map<String, String> form, String key) {
        String token = form.get("payment_method_data[card][token]");
        long amount;
        try {
            amount = Long.parseLong(form.getOrDefault("amount", ""));
        } catch (NumberFormatException e) {
            return new Stored(400, error("invalid_request_error", "parameter_invalid_integer", null, "Invalid integer: amount"), form);
        }
        String currency = form.get("currency");
        if (amount <= 0 || currency == null || !"card".equals(form.get("payment_method_data[type]")) || !"true".equals(form.get("confirm"))) {
            return new Stored(400, error("invalid_request_error", "parameter_missing", null, "amount, currency, card and confirm=true are required"), form);
        }
        String id = "pi_stub_" + ids.incrementAndGet();
        String tenant = form.getOrDefault("metadata[tenant]", "");
        long order = Long.parseLong(form.getOrDefault("metadata[order_id]", "0"));
        String[] decline = switch (token == null ? "" : token) {
            case "tok_visa", "tok_mastercard", "tok_amex" -> null;
            case "tok_chargeDeclined" -> new String[] {"card_declined", "generic_decline", "Your card was declined."};
            case "tok_chargeDeclinedInsufficientFunds" -> new String[] {"card_declined", "insufficient_funds", "Your card has insufficient funds."};
            case "tok_chargeDeclinedExpiredCard" -> new String[] {"expired_card", "expired_card", "Your card has expired."};
            default -> new String[0];
        };
        if (decline != null && decline.length == 0) {
            return new Stored(400, error("invalid_request_error", "resource_missing", null, "No such token: '" + token + "'"), form);
        }
        String status = decline == null ? "succeeded" : "requires_payment_method";
        intents.put(id, new Intent(id, tenant, order, amount, currency, status, key));
        JsonObject intent = Json.createObjectBuilder().add("id", id).add("object", "payment_intent").add("amount", amount)
                .add("currency", currency).add("status", status).build();
        if (decline == null) {
            return new Stored(200, intent.toString(), form);
        }
        return new Stored(402, Json.createObjectBuilder().add("error", Json.createObjectBuilder().add("type", "card_error")
                .add("code", decline[0]).add("decline_code", decline[1]).add("message", decline[2]).add("payment_intent", intent))
                .build().toString(), form);
    }

    private Stored refund(Map<String, String> form) {
        Intent intent = intents.get(form.getOrDefault("payment_intent", ""));
        if (intent == null || !intent.status().equals("succeeded")) {
            return new Stored(404, error("invalid_request_error", "resource_missing", null,
                    "No such payment_intent: '" + form.get("payment_intent") + "'"), form);
        }
        long amount = form.containsKey("amount") ? Long.parseLong(form.get("amount")) : intent.amount() - refundedAmount(intent.id());
        long already = refundedAmount(intent.id());
        if (amount <= 0 || already + amount > intent.amount()) {
            return new Stored(400, error("invalid_request_error", already >= intent.amount() ? "charge_already_refunded" : "amount_too_large",
                    null, "Refund amount exceeds what remains of " + intent.id()), form);
        }
        refunded.put(intent.id(), already + amount);
        return new Stored(200, Json.createObjectBuilder().add("id", "re_stub_" + ids.incrementAndGet()).add("object", "refund")
                .add("amount", amount).add("payment_intent", intent.id()).add("status", "succeeded").build().toString(), form);
    }

    private static String error(String type, String code, String declineCode, String message) {
        var e = Json.createObjectBuilder().add("type", type).add("message", message);
        if (code != null) {
            e.add("code", code);
        }
        if (declineCode != null) {
            e.add("decline_code", declineCode);
        }
        return Json.createObjectBuilder().add("error", e).build().toString();
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> form = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            return form;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            form.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
