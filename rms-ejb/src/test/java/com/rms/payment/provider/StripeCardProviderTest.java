package com.rms.payment.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Stripe adapter's requests and its mapping of every kind of answer, against a local HTTP server. */
class StripeCardProviderTest {

    /** One scripted answer; {@code hangMillis} before answering. */
    record Answer(int status, String body, Map<String, String> headers, long hangMillis) {
        static Answer of(int status, String body) {
            return new Answer(status, body, Map.of(), 0);
        }
    }

    /** What the server received. */
    record Received(String path, String authorization, String idempotencyKey, String contentType, Map<String, String> form) {}

    private HttpServer server;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private StripeCardProvider stripe;
    private final ChargeRequest charge = new ChargeRequest("acme", 42, 7, 1250, "EUR", "tok_visa", "client-key-1");

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        stripe = provider(server.getAddress().getPort());
    }

    private static StripeCardProvider provider(int port) {
        String base = "http://127.0.0.1:" + port;
        Duration connect = Duration.ofMillis(300);
        Duration read = Duration.ofMillis(500);
        return new StripeCardProvider(base, new JdkTransport(base, "sk_test_123", connect, read),
                Backoff.of(3, Duration.ofMillis(100), Duration.ofMillis(2300), read));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Idempotency-Key"), exchange.getRequestHeaders().getFirst("Content-Type"), form));
        Answer answer;
        synchronized (script) {
            answer = script.size() > 1 ? script.poll() : script.peek();
        }
        if (answer.hangMillis() > 0) {
            try {
                Thread.sleep(answer.hangMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        answer.headers().forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private void answer(Answer... answers) {
        script.addAll(List.of(answers));
    }

    private static final String SUCCEEDED = "{\"id\":\"pi_123\",\"object\":\"payment_intent\",\"status\":\"succeeded\"}";
    private static final String DECLINED = "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\","
            + "\"decline_code\":\"insufficient_funds\",\"message\":\"Your card has insufficient funds.\","
            + "\"payment_intent\":{\"id\":\"pi_456\",\"status\":\"requires_payment_method\"}}}";
    private static final String SERVER_ERROR = "{\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}";

    @Test
    void aChargeIsOneConfirmedPaymentIntentWithKeyAndIdempotencyKey() {
        answer(Answer.of(200, SUCCEEDED));
        CardCharge result = stripe.charge(charge, ProviderKeys.charge(charge));
        assertTrue(result.approved());
        assertEquals("pi_123", result.providerRef());

        assertEquals(1, received.size());
        Received r = received.get(0);
        assertEquals("/v1/payment_intents", r.path());
        assertEquals("Bearer sk_test_123", r.authorization());
        assertEquals(ProviderKeys.charge(charge), r.idempotencyKey());
        assertTrue(r.contentType().startsWith("application/x-www-form-urlencoded"));
        assertEquals("1250", r.form().get("amount"));
        assertEquals("eur", r.form().get("currency"));
        assertEquals("card", r.form().get("payment_method_data[type]"));
        assertEquals("tok_visa", r.form().get("payment_method_data[card][token]"));
        assertEquals("true", r.form().get("confirm"));
        assertEquals("42", r.form().get("metadata[order_id]"));
    }

    @Test
    void a402IsADeclineWithTheDeclineCodeAndIsNotRetried() {
        answer(Answer.of(402, DECLINED));
        CardCharge result = stripe.charge(charge, "k");
        assertFalse(result.approved());
        assertEquals("insufficient_funds", result.declineCode());
        assertEquals("Your card has insufficient funds.", result.declineMessage());
        assertEquals("pi_456", result.providerRef());
        assertEquals(1, received.size());
    }

    @Test
    void anUnknownTokenIsADeclineToo() {
        answer(Answer.of(400, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\",\"message\":\"No such token: 'tok_x'\"}}"));
        CardCharge result = stripe.charge(charge, "k");
        assertFalse(result.approved());
        assertEquals("resource_missing", result.declineCode());
        assertNull(result.providerRef());
        assertEquals(1, received.size());
    }

    @Test
    void anIntentThatNeedsAuthenticationIsNotApproved() {
        answer(Answer.of(200, "{\"id\":\"pi_9\",\"status\":\"requires_action\"}"));
        CardCharge result = stripe.charge(charge, "k");
        assertFalse(result.approved());
        assertEquals("authentication_required", result.declineCode());
    }

    @Test
    void fiveHundredsAreRetriedWithTheSameKeyUntilTheChargeGoesThrough() {
        answer(Answer.of(500, SERVER_ERROR), Answer.of(503, SERVER_ERROR), Answer.of(200, SUCCEEDED));
        long start = System.nanoTime();
        CardCharge result = stripe.charge(charge, "same-key");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(result.approved());
        assertEquals(3, received.size());
        assertTrue(received.stream().allMatch(r -> "same-key".equals(r.idempotencyKey())));
        assertTrue(millis >= 300, "backoff 100 + 200 ms, took " + millis);
    }

    @Test
    void persistentFiveHundredsEndAsARetryableOutageAfterThreeAttempts() {
        answer(Answer.of(500, SERVER_ERROR));
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class, () -> stripe.charge(charge, "k"));
        assertTrue(e.getMessage().contains("500"));
        assertEquals(3, received.size());
    }

    @Test
    void theProviderMaySayNotToRetry() {
        answer(new Answer(500, SERVER_ERROR, Map.of("Stripe-Should-Retry", "false"), 0));
        assertThrows(ProviderUnavailableException.class, () -> stripe.charge(charge, "k"));
        assertEquals(1, received.size());
    }

    @Test
    void rejectedCredentialsAreAnOutageThatIsNotRetriedAndTheKeyIsNotInTheMessage() {
        answer(Answer.of(401, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key provided: sk_test_123\"}}"));
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class, () -> stripe.charge(charge, "k"));
        assertFalse(e.retryable());
        assertFalse(e.getMessage().contains("sk_test_123"));
        assertEquals(1, received.size());
        answer(Answer.of(429, "{\"error\":{\"type\":\"rate_limit_error\"}}"));
        script.poll();
        assertThrows(ProviderUnavailableException.class, () -> stripe.charge(charge, "k"));
        assertEquals(2, received.size());
    }

    @Test
    void aHangingProviderTimesOutPerAttemptAndTheCallStaysWithinItsBudget() {
        answer(new Answer(200, SUCCEEDED, Map.of(), 3000));
        long start = System.nanoTime();
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class, () -> stripe.charge(charge, "k"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(e.retryable());
        assertTrue(millis < 2300, "took " + millis + " ms");
        // 500 + 100 + 500 + 200 + 500 = 1800 ms fits the 2300 ms budget: three attempts
        assertEquals(3, received.size());
    }

    @Test
    void aProviderThatIsDownIsARetryableOutage() {
        server.stop(0);
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class, () -> stripe.charge(charge, "k"));
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("ConnectException"), e.getMessage());
    }

    @Test
    void anUnreadableAnswerIsAnOutageNotAnApproval() {
        answer(Answer.of(200, "<html>proxy</html>"));
        assertThrows(ProviderUnavailableException.class, () -> stripe.charge(charge, "k"));
        assertEquals(1, received.size());
    }

    @Test
    void refundsAreRefundsOfThePaymentIntentAndRefusalsAreValues() {
        RefundRequest refund = new RefundRequest("acme", "pi_123", 500, "EUR", "refund-key");
        answer(Answer.of(200, "{\"id\":\"re_1\",\"status\":\"succeeded\"}"));
        CardRefund done = stripe.refund(refund, ProviderKeys.refund(refund));
        assertTrue(done.succeeded());
        assertEquals("re_1", done.providerRef());
        Received r = received.get(0);
        assertEquals("/v1/refunds", r.path());
        assertEquals("pi_123", r.form().get("payment_intent"));
        assertEquals("500", r.form().get("amount"));
        assertEquals(ProviderKeys.refund(refund), r.idempotencyKey());

        script.clear();
        answer(Answer.of(400, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"charge_already_refunded\","
                + "\"message\":\"Charge pi_123 has already been refunded.\"}}"));
        CardRefund refused = stripe.refund(refund, "k2");
        assertFalse(refused.succeeded());
        assertEquals("Charge pi_123 has already been refunded.", refused.failureMessage());
    }
}
