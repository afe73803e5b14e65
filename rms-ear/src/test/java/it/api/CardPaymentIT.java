package it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api.Reply;
import it.CardStub;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Card payments through the Stripe-compatible adapter against the local stub (build with
 * {@code -Drms.card.stub.port=...}; skipped when the server runs on its sandbox): success, decline,
 * timeout, outage → open circuit (this tenant's) → 503 with Retry-After while readiness stays UP →
 * recovery after the (3 s in the build) delay, and no second charge when a charge is retried.
 */
@Tag("card-stub")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CardPaymentIT {

    static CardStub stub;
    static CardOrders shop;

    @BeforeAll
    static void onlyAgainstTheStub() {
        stub = CardStub.shared();
        assertNotNull(stub, "runs only with the card stub (tag card-stub; -Drms.card.stub.port)");
        JsonObject provider = CardOrders.provider();
        assertEquals("stripe-compatible", provider.getString("provider"), () -> "the server does not use the stub: " + provider);
        assertEquals(stub.url(), provider.getString("url"));
        shop = new CardOrders("card");
    }

    @AfterEach
    void healTheStub() {
        if (stub != null) {
            stub.heal();
        }
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    @Order(1)
    void anApprovedCardPaysTheOrderAndIsChargedOnce() {
        JsonObject order = shop.order();
        Reply paid = shop.pay(order, "tok_visa", key());
        assertEquals(201, paid.status(), paid::toString);
        assertEquals("SUCCEEDED", paid.json().getString("status"));
        assertTrue(paid.json().getString("providerRef").startsWith("pi_stub_"), paid::toString);

        JsonObject after = shop.get(order);
        assertEquals("COMPLETED", after.getString("status"));
        assertEquals(0, BigDecimal.ZERO.compareTo(after.getJsonNumber("balance").bigDecimalValue()));
        assertEquals(1, stub.succeededCharges(shop.tenant.slug(), CardOrders.id(order)));
        CardStub.Intent intent = stub.intents(shop.tenant.slug(), CardOrders.id(order)).get(0);
        assertEquals(CardOrders.total(order).movePointRight(2).longValueExact(), intent.amount(), "minor units");
        assertEquals("eur", intent.currency());
    }

    @Test
    @Order(2)
    void aDeclineIs422WithTheReasonAndTheOrderStaysPayable() {
        JsonObject order = shop.order();
        Reply declined = shop.pay(order, "tok_chargeDeclinedInsufficientFunds", key());
        assertEquals(422, declined.status(), declined::toString);
        assertTrue(CardOrders.mentions(declined, "insufficient_funds", "insufficient funds"), declined::toString);

        JsonObject after = shop.get(order);
        assertNotEquals("COMPLETED", after.getString("status"));
        assertEquals(0, CardOrders.total(order).compareTo(after.getJsonNumber("balance").bigDecimalValue()));
        Reply paid = shop.pay(order, "tok_mastercard", key());
        assertEquals(201, paid.status(), paid::toString);
        assertEquals(1, stub.succeededCharges(shop.tenant.slug(), CardOrders.id(order)));
    }

    @Test
    @Order(3)
    void aProviderThatHangsIs503WithinThreeSecondsAndTheRetryChargesOnce() {
        JsonObject order = shop.order();
        String key = key();
        stub.hang(Duration.ofSeconds(6));
        long start = System.nanoTime();
        Reply timedOut = shop.pay(order, "tok_visa", key);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, timedOut.status(), timedOut::toString);
        assertEquals("service-unavailable", timedOut.kind());
        assertNotNull(timedOut.header("Retry-After"));
        assertTrue(millis < 3000, "503 after " + millis + " ms");
        assertEquals(0, CardOrders.total(order).compareTo(shop.get(order).getJsonNumber("balance").bigDecimalValue()),
                "no payment recorded");

        // the provider may still take the hung attempts; the client's retry with the same key must not charge again
        stub.heal();
        Reply retried = shop.pay(order, "tok_visa", key);
        assertEquals(201, retried.status(), retried::toString);
        try {
            Thread.sleep(6500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertEquals(1, stub.succeededCharges(shop.tenant.slug(), CardOrders.id(order)), "charged exactly once");
        assertEquals(1, stub.intents(shop.tenant.slug(), CardOrders.id(order)).size());
    }

    @Test
    @Order(4)
    void aFailedAttemptIsRetriedWithTheSameKeyAndChargedOnce() {
        JsonObject order = shop.order();
        String key = key();
        stub.failNext(1);
        Reply paid = shop.pay(order, "tok_visa", key);
        assertEquals(201, paid.status(), paid::toString);
        long tenantOrder = CardOrders.id(order);
        assertEquals(2, stub.chargeRequests(shop.tenant.slug(), tenantOrder), "one 500, one success");
        assertEquals(1, stub.succeededCharges(shop.tenant.slug(), tenantOrder));

        Reply replayed = shop.pay(order, "tok_visa", key);
        assertEquals(201, replayed.status(), replayed::toString);
        assertEquals(paid.json().getString("providerRef"), replayed.json().getString("providerRef"));
        assertEquals(1, stub.succeededCharges(shop.tenant.slug(), tenantOrder), "a replay charges nothing");
    }

    @Test
    @Order(5)
    void anOutageOpensTheCircuitAfterFiveFailuresAndItRecoversAfterTheDelay() throws InterruptedException {
        assertEquals(201, shop.pay(shop.order(), "tok_visa", key()).status(), "a success first: the window is ours");
        JsonObject order = shop.order();
        stub.stop();
        for (int i = 1; i <= 5; i++) {
            Reply failed = shop.pay(order, "tok_visa", key());
            assertEquals(503, failed.status(), failed::toString);
            assertEquals(i < 5 ? "CLOSED" : "OPEN", shop.circuit(), "after failure " + i);
        }
        long start = System.nanoTime();
        Reply rejected = shop.pay(order, "tok_visa", key());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, rejected.status(), rejected::toString);
        assertTrue(millis < 500, "an open circuit answers at once, took " + millis + " ms");
        long retryAfter = Long.parseLong(rejected.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 3, "Retry-After " + retryAfter);

        // an open circuit is data of readiness, never a reason to leave the load balancer (API.md, System)
        JsonObject readiness = CardOrders.readiness();
        assertEquals(200, readiness.getInt("httpStatus"));
        assertEquals("UP", readiness.getString("status"));
        assertEquals("OPEN", readiness.getJsonObject("data").getString("circuit"));
        assertEquals("OPEN", CardOrders.provider().getString("circuit"));

        stub.heal();
        Reply stillOpen = shop.pay(order, "tok_visa", key());
        assertEquals(503, stillOpen.status(), "the provider is back but the circuit waits its delay: " + stillOpen);
        Thread.sleep(retryAfter * 1000 + 300);
        String key = key();
        Reply recovered = shop.pay(order, "tok_visa", key);
        assertEquals(201, recovered.status(), recovered::toString);
        assertEquals("CLOSED", shop.circuit());
        JsonObject ready = CardOrders.readiness();
        assertEquals(200, ready.getInt("httpStatus"));
        assertEquals("UP", ready.getString("status"));
        assertEquals(1, stub.succeededCharges(shop.tenant.slug(), CardOrders.id(order)));
    }

    @Test
    @Order(6)
    void theSameIdempotencyKeyInTwoTenantsIsTwoCharges() {
        CardOrders other = new CardOrders("card2");
        String key = key();
        JsonObject mine = shop.order();
        JsonObject theirs = other.order();
        Reply a = shop.pay(mine, "tok_visa", key);
        Reply b = other.pay(theirs, "tok_visa", key);
        assertEquals(201, a.status(), a::toString);
        assertEquals(201, b.status(), b::toString);
        assertNotEquals(a.json().getString("providerRef"), b.json().getString("providerRef"));
        assertEquals(1, stub.succeededCharges(shop.tenant.slug(), CardOrders.id(mine)));
        assertEquals(1, stub.succeededCharges(other.tenant.slug(), CardOrders.id(theirs)));
        assertEquals(404, other.tenant.call("/api/v1/orders/" + CardOrders.id(mine)).get().status(), "another tenant's order");
    }
}
