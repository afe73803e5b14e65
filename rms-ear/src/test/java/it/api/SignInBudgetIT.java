package it.api;

import static it.Api.at;
import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.Api.TestTenant;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in before authentication, attacked (issue 9, "anyone can exhaust the server without signing
 * in"): a huge or malformed tenant is a 400 that is never logged in full; failed sign-ins have a
 * budget per client address (20 a minute) and per account (10 a minute) with 429 and Retry-After;
 * successful sign-ins are not limited by it. Each test is its own client (X-Forwarded-For, trusted
 * from the loopback by the IT server).
 */
class SignInBudgetIT {

    static TestTenant t;

    @BeforeAll
    static void tenant() {
        t = Api.newTenant("budget");
    }

    private static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "192.0." + r.nextInt(1, 256) + "." + r.nextInt(1, 255);
    }

    private static Reply token(String address, JsonObject body) {
        return at("/api/v1/auth/token").header("X-Forwarded-For", address).post(body);
    }

    private static void assertRateLimited(Reply reply) {
        assertEquals(429, reply.status(), reply::toString);
        assertEquals("rate-limited", reply.kind(), reply::toString);
        long retryAfter = Long.parseLong(reply.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    }

    /**
     * Fails sign-ins with {@code attempt} until the budget answers 429: the first {@code budget} are
     * checked (401), and the 429 comes no later than the budget plus what refilled meanwhile
     * ({@code perMinute} a minute, continuously) allows, however slow the machine is.
     */
    private static void exhaust(IntFunction<Reply> attempt, int budget, int perMinute) {
        long start = System.nanoTime();
        int failed = 0;
        while (true) {
            Reply reply = attempt.apply(failed + 1);
            if (reply.status() != 401) {
                assertTrue(failed >= budget, "only " + failed + " failed sign-ins before " + reply);
                assertRateLimited(reply);
                return;
            }
            failed++;
            double refilled = (System.nanoTime() - start) / 60e9 * perMinute;
            assertTrue(failed <= budget + Math.ceil(refilled), failed + " failed sign-ins were checked, the budget is "
                    + budget + " plus " + refilled + " refilled");
        }
    }

    private static List<String> fields(Reply reply) {
        return reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream().map(e -> e.getString("field"))
                .toList();
    }

    @Test
    void aHugeOrMalformedTenantIsA400NamingTheFieldAndIsNeverLoggedInFull() throws IOException {
        // the finding: a 200 KB tenant string was a map key and a log line (and hung a server's console)
        String marker = "zq" + UUID.randomUUID().toString().replace("-", "");
        String huge = marker + "x".repeat(200_000);
        for (Reply reply : List.of(
                token(address(), obj("tenant", huge, "username", "boss", "password", "wrong-password")),
                at("/api/v1/auth/pin").header("X-Forwarded-For", address()).post(obj("tenant", huge, "outletId", 1, "pin", "1234")),
                token(address(), obj("tenant", "Not A Slug!", "username", "boss", "password", "wrong-password")),
                at("/api/v1/auth/pin").post(obj("tenant", "../../etc", "outletId", 1, "pin", "1234")))) {
            assertEquals(400, reply.status(), reply::toString);
            assertEquals("validation", reply.kind(), reply::toString);
            assertEquals(List.of("tenant"), fields(reply), reply::toString);
            assertFalse(reply.body().contains(marker), "the answer does not echo the input");
        }
        // a well-formed tenant that does not exist is the same 401 as a wrong password
        Reply unknown = token(address(), obj("tenant", "nosuch_" + marker.substring(2, 12), "username", "boss",
                "password", "wrong-password"));
        assertEquals(401, unknown.status(), unknown::toString);
        Path log = Path.of(System.getProperty("rms.server.dir", "target/liberty/wlp/usr/servers/rms"), "logs", "messages.log");
        String logged = Files.readString(log);
        assertFalse(logged.contains(marker + "x".repeat(300)), "no log line carries the huge tenant");
    }

    @Test
    void anAddressGetsTwentyFailedSignInsAMinuteThenA429() {
        // the finding: failed sign-ins had no budget at all per client
        String client = address();
        exhaust(i -> token(client, obj("tenant", t.slug(), "username", "nobody" + i, "password", "wrong-password")), 20, 20);
        // even the right password is not checked from this address now, but from another it is
        assertRateLimited(token(client, obj("tenant", t.slug(), "username", "boss", "password", "boss-password")));
        assertEquals(200, token(address(), obj("tenant", t.slug(), "username", "boss", "password", "boss-password")).status());
        // and the PIN sign-in shares the address's budget
        assertRateLimited(at("/api/v1/auth/pin").header("X-Forwarded-For", client)
                .post(obj("tenant", t.slug(), "outletId", 1, "pin", "1234")));
    }

    @Test
    void anAccountGetsTenFailedSignInsAMinuteFromAnyNumberOfAddresses() {
        String victim = "victim" + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(201, t.call("/api/v1/staff").post(obj("username", victim, "displayName", "Victim",
                "roles", List.of("BATCH_OPERATOR"), "password", "victim-password")).status());
        exhaust(i -> token(address(), obj("tenant", t.slug(), "username", victim, "password", "guess-" + i)), 10, 10);
    }

    @Test
    void successfulSignInsAreNotLimitedByTheBudget() {
        String client = address();
        for (int i = 0; i < 30; i++) {
            assertEquals(200, token(client, obj("tenant", t.slug(), "username", "boss", "password", "boss-password")).status(),
                    "sign-in " + i);
        }
    }
}
