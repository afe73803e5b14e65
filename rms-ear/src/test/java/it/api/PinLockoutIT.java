package it.api;

import static it.Api.at;
import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.Shop;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PIN lockout attacked from outside (issue 9, "the PIN lockout can be walked around"): each
 * walk-around as it was exploitable, now refused. Every test acts as its own client address
 * (X-Forwarded-For, which the IT server trusts from the loopback), so the tests never share a count.
 * Wrong PINs are 401 up to the fifth; from the sixth, any route answers 429 with Retry-After.
 */
class PinLockoutIT {

    static Shop shop;

    @BeforeAll
    static void shop() {
        shop = Shop.open("pinlock");
    }

    /** A client address of the documentation range, one per test. */
    private static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198.51." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private static Reply pin(String address, long outlet, String pin) {
        return at("/api/v1/auth/pin").header("X-Forwarded-For", address)
                .post(obj("tenant", shop.tenant.slug(), "outletId", outlet, "pin", pin));
    }

    /** A wrong PIN: no staff member of the shop has it (its PINs are 1111 and 2222). */
    private static String wrong(int i) {
        return String.format("%04d", 3000 + i);
    }

    private static void assertLocked(Reply reply) {
        assertEquals(429, reply.status(), reply::toString);
        assertEquals("rate-limited", reply.kind(), reply::toString);
        long retryAfter = Long.parseLong(reply.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 900, "Retry-After " + retryAfter);
    }

    private static List<String> auditActions() {
        return shop.tenant.call("/api/v1/audit?size=500").get().items().stream().map(a -> a.getString("action")).toList();
    }

    @Test
    void theFifthWrongPinIsStillCheckedTheSixthIsRefusedAndTheLockIsAudited() {
        String client = address();
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, pin(client, shop.outlet, wrong(i)).status(), "wrong PIN " + i);
        }
        assertLocked(pin(client, shop.outlet, wrong(6)));
        // locked means locked: the right PIN is not even checked from this client now
        assertLocked(pin(client, shop.outlet, "1111"));
        // another client at the same terminal's outlet is not affected
        assertEquals(200, pin(address(), shop.outlet, "1111").status());
        assertTrue(auditActions().contains("auth.pin.locked"));
    }

    @Test
    void twentyParallelWrongPinsGetAtMostFiveChecked() throws Exception {
        // the finding: the lock was checked before the slow hash, so parallel guesses were all evaluated
        String client = address();
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Map<Integer, Integer> statuses = new TreeMap<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String guess = wrong(100 + i);
                runs.add(pool.submit(() -> {
                    go.await();
                    return pin(client, shop.outlet, guess).status();
                }));
            }
            go.countDown();
            for (Future<Integer> run : runs) {
                statuses.merge(run.get(120, TimeUnit.SECONDS), 1, Integer::sum);
            }
        } finally {
            pool.shutdownNow();
        }
        int checked = statuses.getOrDefault(401, 0);
        assertTrue(checked >= 1 && checked <= 5, statuses::toString);
        assertEquals(threads - checked, statuses.getOrDefault(429, 0), statuses::toString);
    }

    @Test
    void theCallersOwnRightPinBetweenGuessesDoesNotResetTheCount() {
        // the finding: a cashier entering their own PIN every fourth try could guess forever
        String client = address();
        for (int i = 1; i <= 5; i++) {
            assertEquals(200, pin(client, shop.outlet, "1111").status(), "own PIN before guess " + i);
            assertEquals(401, pin(client, shop.outlet, wrong(200 + i)).status(), "guess " + i);
        }
        assertLocked(pin(client, shop.outlet, "1111"));
        assertLocked(pin(client, shop.outlet, wrong(206)));
    }

    @Test
    void managerPinApprovalsCountTowardTheSameLimitAsPinSignIns() {
        // the finding: managerPin approvals counted separately from PIN sign-ins
        String client = address();
        JsonObject order = shop.as(shop.cashier, "/api/v1/orders").header("Idempotency-Key", UUID.randomUUID().toString())
                .header("X-Forwarded-For", client).post(shop.orderBody("TAKEAWAY", null, shop.lemonadeLine(1))).json();
        long orderId = order.getJsonNumber("id").longValue();
        for (int i = 1; i <= 3; i++) {
            Reply approval = shop.as(shop.cashier, "/api/v1/orders/" + orderId + "/void").header("X-Forwarded-For", client)
                    .post(obj("reason", "guessing", "managerPin", wrong(300 + i)));
            assertEquals(403, approval.status(), approval::toString);
        }
        assertEquals(401, pin(client, shop.outlet, wrong(304)).status());
        assertEquals(401, pin(client, shop.outlet, wrong(305)).status());
        // five wrong PINs from this client by two routes: both routes are closed now, even with the right PIN
        assertLocked(pin(client, shop.outlet, "2222"));
        assertLocked(shop.as(shop.cashier, "/api/v1/orders/" + orderId + "/void").header("X-Forwarded-For", client)
                .post(obj("reason", "guessing", "managerPin", "2222")));
        // the cashier is charged too: from another address they have 2 guesses left, not 5
        String elsewhere = address();
        for (int i = 1; i <= 2; i++) {
            assertEquals(403, shop.as(shop.cashier, "/api/v1/orders/" + orderId + "/void").header("X-Forwarded-For", elsewhere)
                    .post(obj("reason", "guessing", "managerPin", wrong(310 + i))).status());
        }
        assertLocked(shop.as(shop.cashier, "/api/v1/orders/" + orderId + "/void").header("X-Forwarded-For", elsewhere)
                .post(obj("reason", "guessing", "managerPin", wrong(313))));
        assertEquals("OPEN", shop.as(shop.cashier, "/api/v1/orders/" + orderId).get().json().getString("status"));
    }

    @Test
    void aPinClashOnStaffIsA409NamingNoOneAndCountsAsAWrongPin() {
        // the finding: POST /staff answered "this PIN is already used" without a limit, an oracle for every PIN
        long outlet = Api.createOutlet(shop.tenant, "Clash " + UUID.randomUUID().toString().substring(0, 6))
                .getJsonNumber("id").longValue();
        String taken = "4646";
        assertEquals(201, shop.tenant.call("/api/v1/staff").post(staff("holder" + suffix(), outlet, taken)).status());
        String client = address();
        for (int i = 1; i <= 4; i++) {
            Reply clash = shop.tenant.call("/api/v1/staff").header("X-Forwarded-For", client)
                    .post(staff("probe" + suffix(), outlet, taken));
            assertEquals(409, clash.status(), clash::toString);
            assertFalse(clash.body().contains("holder"), clash::toString);
        }
        // a free PIN is no guess: it does not count
        assertEquals(201, shop.tenant.call("/api/v1/staff").header("X-Forwarded-For", client)
                .post(staff("free" + suffix(), outlet, "5757")).status());
        assertEquals(401, pin(client, outlet, "0007").status(), "the fifth wrong PIN, by sign-in");
        assertLocked(shop.tenant.call("/api/v1/staff").header("X-Forwarded-For", client)
                .post(staff("probe" + suffix(), outlet, taken)));
        assertLocked(pin(client, outlet, taken));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private static JsonObject staff(String username, long outlet, String pin) {
        return obj("username", username, "displayName", username, "roles", List.of("WAITER"), "outletIds", List.of(outlet),
                "pin", pin, "hourlyRate", new BigDecimal("12.00"), "active", true);
    }
}
