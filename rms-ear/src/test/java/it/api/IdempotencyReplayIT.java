package it.api;

import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.CardStub;
import it.Shop;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the Idempotency-Key contract (API.md, Conventions), each reproducing a finding first:
 * a partial quick sale whose retry answered 201 with the unpaid order; a replay of someone else's key
 * by a user who may not see its order; a replayed 503 that turned into another status without a new
 * attempt; card numbers in {@code cardToken}. The provider outage is this tenant's own provider account
 * pointed at a closed port, so the class runs on the sandbox (H2) and against the stub (PostgreSQL);
 * the charge counts at the stub are asserted when the stub is there.
 */
class IdempotencyReplayIT {

    /** A port nothing listens on: the tenant's provider "down". */
    static final String DEAD_PROVIDER = "http://127.0.0.1:9";

    static Shop shop;
    static String admin;
    static long otherOutlet;
    static String otherCashier;

    @BeforeAll
    static void twoOutletsWithACashierEach() {
        shop = Shop.open("idem");
        admin = Api.adminToken();
        otherOutlet = Api.createOutlet(shop.tenant, "Elsewhere").getJsonNumber("id").longValue();
        Reply staff = shop.tenant.call("/api/v1/staff").post(obj("username", "elsewhere", "displayName", "Elsewhere",
                "roles", List.of("CASHIER"), "outletIds", List.of(otherOutlet), "pin", "3333", "password", "elsewhere-password",
                "hourlyRate", new BigDecimal("12.00"), "active", true));
        assertEquals(201, staff.status(), staff::toString);
        Reply token = Api.at("/api/v1/auth/pin").post(obj("tenant", shop.tenant.slug(), "outletId", otherOutlet, "pin", "3333"));
        assertEquals(200, token.status(), token::toString);
        otherCashier = token.json().getString("access_token");
    }

    @AfterEach
    void providerBack() {
        Api.at("/api/v1/tenants/" + shop.tenant.slug() + "/payment-provider").token(admin).delete();
    }

    static void providerDown() {
        Reply set = Api.at("/api/v1/tenants/" + shop.tenant.slug() + "/payment-provider").token(admin)
                .put(obj("url", DEAD_PROVIDER, "key", CardStub.TENANT_KEY_PREFIX + "dead"));
        assertEquals(200, set.status(), set::toString);
    }

    static void providerUp() {
        Reply back = Api.at("/api/v1/tenants/" + shop.tenant.slug() + "/payment-provider").token(admin).delete();
        assertEquals(200, back.status(), back::toString);
    }

    static JsonObject quickSale(String cardToken) {
        return Json.createObjectBuilder(shop.orderBody("TAKEAWAY", null, shop.lemonadeLine(1)))
                .add("payments", Json.createArrayBuilder().add(obj("method", "CARD", "amount", new BigDecimal("3.74"),
                        "cardToken", cardToken))).build();
    }

    static Reply create(String token, String key, JsonObject body) {
        return shop.as(token, "/api/v1/orders").header("Idempotency-Key", key).post(body);
    }

    static long orders() {
        Reply list = shop.tenant.call("/api/v1/orders?outletId=" + shop.outlet + "&size=1").get();
        assertEquals(200, list.status(), list::toString);
        return list.json().getJsonNumber("total").longValue();
    }

    static long orderId(Reply problem) {
        assertTrue(problem.json().containsKey("orderId"), () -> "the problem names the stored order: " + problem);
        return problem.json().getJsonNumber("orderId").longValue();
    }

    @Test
    void aQuickSaleWhoseCardFailedIsRetriedOnTheSameOrderAndAnswers201OnlyOncePaid() {
        providerDown();
        long before = orders();
        String key = UUID.randomUUID().toString();
        Reply first = create(shop.cashier, key, quickSale("tok_visa"));
        assertEquals(503, first.status(), first::toString);
        assertEquals("service-unavailable", first.kind());
        assertNotNull(first.header("Retry-After"));
        long order = orderId(first);

        // the finding: this retry answered 201 with the unpaid order
        Reply again = create(shop.cashier, key, quickSale("tok_visa"));
        assertEquals(503, again.status(), again::toString);
        assertEquals(order, orderId(again), "the same order, tried again");
        assertEquals(before + 1, orders(), "one order only");
        JsonObject open = shop.as(shop.cashier, "/api/v1/orders/" + order).get().json();
        assertEquals("OPEN", open.getString("status"));
        assertEquals(0, open.getJsonArray("payments").size());

        providerUp();
        Reply paid = create(shop.cashier, key, quickSale("tok_visa"));
        assertEquals(201, paid.status(), paid::toString);
        assertEquals(order, paid.json().getJsonNumber("id").longValue());
        assertEquals("COMPLETED", paid.json().getString("status"));
        assertEquals(0, BigDecimal.ZERO.compareTo(paid.json().getJsonNumber("balance").bigDecimalValue()));
        assertEquals(before + 1, orders(), "still one order");

        Reply replayed = create(shop.cashier, key, quickSale("tok_visa"));
        assertEquals(201, replayed.status(), replayed::toString);
        assertEquals("true", replayed.header("Idempotent-Replayed"));
        assertEquals(paid.json().getJsonNumber("id"), replayed.json().getJsonNumber("id"));
        assertEquals(1, replayed.json().getJsonArray("payments").size(), "one tender taken");
        CardStub stub = CardStub.shared();
        if (stub != null) {
            assertEquals(1, stub.succeededCharges(shop.tenant.slug(), order), "exactly one charge at the provider");
        }
    }

    @Test
    void aSplitQuickSaleRetriesOnlyTheTenderNotYetTaken() {
        Reply drawer = shop.as(shop.cashier, "/api/v1/outlets/" + shop.outlet + "/cash-sessions/current").get();
        if (drawer.status() != 200) {
            shop.openDrawer(new BigDecimal("50.00"));
        }
        JsonObject split = Json.createObjectBuilder(shop.orderBody("TAKEAWAY", null, shop.lemonadeLine(1)))
                .add("payments", Json.createArrayBuilder()
                        .add(obj("method", "CASH", "amount", new BigDecimal("1.74")))
                        .add(obj("method", "CARD", "amount", new BigDecimal("2.00"), "cardToken", "tok_visa"))).build();
        providerDown();
        String key = UUID.randomUUID().toString();
        Reply first = create(shop.cashier, key, split);
        assertEquals(503, first.status(), first::toString);
        long order = orderId(first);
        Reply again = create(shop.cashier, key, split);
        assertEquals(503, again.status(), again::toString);
        assertEquals(order, orderId(again));
        JsonObject half = shop.as(shop.cashier, "/api/v1/orders/" + order).get().json();
        assertEquals(1, half.getJsonArray("payments").size(), "the cash, once: " + half);
        assertEquals(0, new BigDecimal("2.00").compareTo(half.getJsonNumber("balance").bigDecimalValue()));

        providerUp();
        Reply paid = create(shop.cashier, key, split);
        assertEquals(201, paid.status(), paid::toString);
        assertEquals("COMPLETED", paid.json().getString("status"));
        List<String> tenders = paid.json().getJsonArray("payments").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("method")).sorted().toList();
        assertEquals(List.of("CARD", "CASH"), tenders, "the cash was not taken again");
    }

    @Test
    void aDeclinedQuickSaleIs422WithItsOrderAndItsRetryDeclinesOnTheSameOrder() {
        long before = orders();
        String key = UUID.randomUUID().toString();
        Reply declined = create(shop.cashier, key, quickSale("tok_chargeDeclined"));
        assertEquals(422, declined.status(), declined::toString);
        long order = orderId(declined);
        Reply again = create(shop.cashier, key, quickSale("tok_chargeDeclined"));
        assertEquals(422, again.status(), again::toString);
        assertEquals(order, orderId(again));
        assertEquals(before + 1, orders());
        assertEquals("OPEN", shop.as(shop.cashier, "/api/v1/orders/" + order).get().json().getString("status"));
    }

    @Test
    void aReplayOfAnotherUsersKeyIsRefusedAsTheDirectReadWouldBe() {
        String key = UUID.randomUUID().toString();
        Reply sale = create(shop.cashier, key, quickSale("tok_visa"));
        assertEquals(201, sale.status(), sale::toString);
        long order = sale.json().getJsonNumber("id").longValue();
        assertEquals(404, shop.as(otherCashier, "/api/v1/orders/" + order).get().status(), "the direct read");
        // the finding: the same key and body gave anyone in the tenant the stored order
        Reply stolen = create(otherCashier, key, quickSale("tok_visa"));
        assertEquals(404, stolen.status(), stolen::toString);
        assertFalse(stolen.body().contains("\"lines\""), stolen::toString);

        long open = shop.order(shop.orderBody("TAKEAWAY", null, shop.lemonadeLine(1))).json().getJsonNumber("id").longValue();
        String payKey = UUID.randomUUID().toString();
        JsonObject card = obj("method", "CARD", "amount", new BigDecimal("3.74"), "cardToken", "tok_visa");
        Reply paid = shop.as(shop.cashier, "/api/v1/orders/" + open + "/payments").header("Idempotency-Key", payKey).post(card);
        assertEquals(201, paid.status(), paid::toString);
        Reply replayedPayment = shop.as(otherCashier, "/api/v1/orders/" + open + "/payments").header("Idempotency-Key", payKey)
                .post(card);
        assertEquals(404, replayedPayment.status(), replayedPayment::toString);
        assertFalse(replayedPayment.body().contains("providerRef"), replayedPayment::toString);
    }

    @Test
    void aPartialQuickSaleCannotBeContinuedByAUserWhoMayNotSeeItsOrder() {
        providerDown();
        String key = UUID.randomUUID().toString();
        Reply first = create(shop.cashier, key, quickSale("tok_visa"));
        assertEquals(503, first.status(), first::toString);
        long order = orderId(first);
        providerUp();
        Reply stolen = create(otherCashier, key, quickSale("tok_visa"));
        assertEquals(404, stolen.status(), stolen::toString);
        JsonObject still = shop.as(shop.cashier, "/api/v1/orders/" + order).get().json();
        assertEquals("OPEN", still.getString("status"), "the other cashier paid nothing");
        Reply mine = create(shop.cashier, key, quickSale("tok_visa"));
        assertEquals(201, mine.status(), mine::toString);
        assertEquals(order, mine.json().getJsonNumber("id").longValue());
    }

    @Test
    void aPaymentRetriedAfter503IsANewAttemptAndNeverAnotherStoredAnswer() {
        long order = shop.order(shop.orderBody("TAKEAWAY", null, shop.lemonadeLine(1))).json().getJsonNumber("id").longValue();
        String key = UUID.randomUUID().toString();
        JsonObject card = obj("method", "CARD", "amount", new BigDecimal("3.74"), "cardToken", "tok_visa");
        providerDown();
        for (int attempt = 1; attempt <= 2; attempt++) {
            Reply down = shop.as(shop.cashier, "/api/v1/orders/" + order + "/payments").header("Idempotency-Key", key).post(card);
            assertEquals(503, down.status(), "attempt " + attempt + ": " + down);
            assertEquals(null, down.header("Idempotent-Replayed"), "a 503 is never stored: each retry is an attempt");
        }
        assertEquals(0, shop.as(shop.cashier, "/api/v1/orders/" + order).get().json().getJsonArray("payments").size());
        providerUp();
        Reply paid = shop.as(shop.cashier, "/api/v1/orders/" + order + "/payments").header("Idempotency-Key", key).post(card);
        assertEquals(201, paid.status(), paid::toString);
        Reply replayed = shop.as(shop.cashier, "/api/v1/orders/" + order + "/payments").header("Idempotency-Key", key).post(card);
        assertEquals(201, replayed.status(), replayed::toString);
        assertEquals(paid.json().getJsonNumber("id"), replayed.json().getJsonNumber("id"));
        CardStub stub = CardStub.shared();
        if (stub != null) {
            assertEquals(1, stub.succeededCharges(shop.tenant.slug(), order));
        }
    }

    @Test
    void cardNumbersInTheCardTokenAre400AndNeverStoredOrLogged() throws IOException {
        long order = shop.order(shop.orderBody("TAKEAWAY", null, shop.lemonadeLine(1))).json().getJsonNumber("id").longValue();
        List<String> numbers = List.of("4242 4242 4242 4242", "4242-4242-4242-4242", "4242.4242.4242.4242",
                "4242424242424242|12/30|123", "5555 5555 5555 4444", "5555-5555-5555-4444", "5555.5555.5555.4444",
                "5555555555554444|12/30|123", "tok_5555555555554444", "visa", "tok_visa; drop");
        for (String token : numbers) {
            String key = UUID.randomUUID().toString();
            JsonObject card = obj("method", "CARD", "amount", new BigDecimal("3.74"), "cardToken", token);
            for (int attempt = 0; attempt < 2; attempt++) {
                Reply refused = shop.as(shop.cashier, "/api/v1/orders/" + order + "/payments").header("Idempotency-Key", key)
                        .post(card);
                assertEquals(400, refused.status(), token + ": " + refused);
                assertEquals("validation", refused.kind());
                assertTrue(refused.body().contains("\"cardToken\""), refused::toString);
                assertFalse(refused.body().replaceAll("[^0-9]", "").contains("4242424242424242")
                        || refused.body().replaceAll("[^0-9]", "").contains("5555555555554444"), refused::toString);
            }
        }
        long before = orders();
        Reply quick = create(shop.cashier, UUID.randomUUID().toString(), quickSale("5555 5555 5555 4444"));
        assertEquals(400, quick.status(), quick::toString);
        assertEquals(before, orders(), "bad input stores no order");

        Reply token = shop.as(shop.cashier, "/api/v1/orders/" + order + "/payments").header("Idempotency-Key",
                UUID.randomUUID().toString()).post(obj("method", "CARD", "amount", new BigDecimal("3.74"), "cardToken", "tok_visa"));
        assertEquals(201, token.status(), token::toString);
        assertFalse(shop.as(shop.cashier, "/api/v1/orders/" + order).get().body().contains("5555"));

        Path log = Path.of(System.getProperty("rms.server.dir", "target/liberty/wlp/usr/servers/rms"), "logs", "messages.log");
        String logged = Files.readString(log).replaceAll("[ .\\-]", "");
        assertFalse(logged.contains("5555555555554444"), "the server's log holds a card number");
    }
}
