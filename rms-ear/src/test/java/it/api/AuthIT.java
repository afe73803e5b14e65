package it.api;

import static it.Api.at;
import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.Api.TestTenant;
import it.Tokens;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sign-in with password and PIN, the token's claims, lockout, and how tokens are checked. */
class AuthIT {

    @Test
    void staffSignInIssuesAnRs256TokenWithTenantRolesAndExpiry() {
        Reply reply = at("/api/v1/auth/token").post(obj("tenant", "demo", "username", "owner", "password", "owner-demo"));
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("Bearer", reply.json().getString("token_type"));
        assertTrue(reply.json().getInt("expires_in") <= 8 * 3600);
        JsonObject header = Tokens.header(reply.json().getString("access_token"));
        JsonObject claims = Tokens.claims(reply.json().getString("access_token"));
        assertEquals("RS256", header.getString("alg"));
        assertEquals("owner", claims.getString("upn"));
        assertEquals("demo", claims.getString("tenant"));
        assertEquals("OWNER", claims.getJsonArray("groups").getString(0));
        assertTrue(claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue() <= 8 * 3600);
    }

    @Test
    void wrongPasswordUnknownUserAndUnknownTenantAllAnswerTheSame401() {
        for (JsonObject body : List.of(
                obj("tenant", "demo", "username", "owner", "password", "wrong-password"),
                obj("tenant", "demo", "username", "nobody", "password", "owner-demo"),
                obj("tenant", "no_such_tenant", "username", "owner", "password", "owner-demo"))) {
            Reply reply = at("/api/v1/auth/token").post(body);
            assertEquals(401, reply.status(), reply::toString);
            assertEquals("application/problem+json", reply.header("Content-Type"));
            assertEquals("authentication", reply.kind());
            assertEquals("invalid credentials", reply.json().getString("detail"));
        }
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() {
        TestTenant t = Api.newTenant("lock");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, at("/api/v1/auth/token").post(obj("tenant", t.slug(), "username", "boss",
                    "password", "guess-" + i)).status());
        }
        Reply locked = at("/api/v1/auth/token").post(obj("tenant", t.slug(), "username", "boss", "password", "boss-password"));
        assertEquals(401, locked.status(), "a locked account must not sign in: " + locked);
    }

    @Test
    void pinSignInIsLimitedToTheOutletAndToStaffWorkingThere() {
        String owner = Api.login("demo", "owner", "owner-demo");
        List<JsonObject> outlets = at("/api/v1/outlets").token(owner).tenant("demo").get().items();
        long mitte = outlets.stream().filter(o -> o.getString("name").equals("Bistro Mitte")).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        long hafen = outlets.stream().filter(o -> o.getString("name").equals("Bistro Hafen")).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();

        Reply cashier = at("/api/v1/auth/pin").post(obj("tenant", "demo", "outletId", mitte, "pin", "1111"));
        assertEquals(200, cashier.status(), cashier::toString);
        JsonObject claims = Tokens.claims(cashier.json().getString("access_token"));
        assertEquals("cashier", claims.getString("upn"));
        assertEquals(List.of(mitte), claims.getJsonArray("outlets").getValuesAs(v -> ((jakarta.json.JsonNumber) v).longValue()));

        // the cashier does not work at Hafen; a wrong PIN fails too
        assertEquals(401, at("/api/v1/auth/pin").post(obj("tenant", "demo", "outletId", hafen, "pin", "1111")).status());
        assertEquals(401, at("/api/v1/auth/pin").post(obj("tenant", "demo", "outletId", mitte, "pin", "9999")).status());

        // with the PIN token the cashier sees only their outlet
        List<JsonObject> seen = at("/api/v1/outlets").token(cashier.json().getString("access_token")).tenant("demo").get().items();
        assertEquals(1, seen.size());
        assertEquals(mitte, seen.get(0).getJsonNumber("id").longValue());
        assertEquals(404, at("/api/v1/outlets/" + hafen).token(cashier.json().getString("access_token")).tenant("demo").get().status());
    }

    @Test
    void forgedTamperedUnsignedAndExpiredTokensAreRefused() {
        String good = Api.login("demo", "owner", "owner-demo");
        long now = System.currentTimeMillis() / 1000;
        // the demo owner's own staff id: a token must name an active staff member (StaffGrants)
        String ownerId = Tokens.claims(good).getString("sub");
        JsonObject claims = obj("iss", "urn:rms", "aud", "rms", "sub", ownerId, "upn", "owner",
                "groups", List.of("OWNER", "PLATFORM_ADMIN"), "tenant", "demo", "iat", now, "exp", now + 3600);
        List<String> bad = List.of(
                Tokens.signWithForeignKey(claims),
                Tokens.tamper(good, "groups", List.of("PLATFORM_ADMIN")),
                Tokens.unsigned(claims),
                Tokens.signWithServerKey(obj("iss", "urn:rms", "aud", "rms", "sub", "1", "upn", "owner",
                        "groups", List.of("OWNER"), "tenant", "demo", "iat", now - 7200, "exp", now - 3600)),
                "not-a-token");
        for (String token : bad) {
            Reply reply = at("/api/v1/outlets").token(token).tenant("demo").get();
            assertEquals(401, reply.status(), () -> "token " + token + " -> " + reply);
            // MicroProfile JWT itself refuses these, the RFC 6750 way, before the application runs
            assertTrue(reply.header("WWW-Authenticate").contains("invalid_token"), reply.raw().headers()::toString);
            assertFalse(reply.body().contains("Bistro"));
        }
        // the same claims signed by the server's own key are accepted: the refusals above are about the signature
        assertEquals(200, at("/api/v1/outlets").token(Tokens.signWithServerKey(claims)).tenant("demo").get().status());
    }

    /**
     * A refused token is never written to a log stream: MicroProfile JWT's refusal and the FFDC
     * incident it raises quote the token whole (a token of another server's key may be valid there).
     */
    @Test
    void aRefusedTokenIsNeverLogged() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        JsonObject claims = obj("iss", "urn:rms", "aud", "rms", "sub", "1", "upn", "log-probe-" + now,
                "groups", List.of("OWNER"), "tenant", "demo", "iat", now, "exp", now + 3600);
        String forged = Tokens.signWithForeignKey(claims);
        String tlsSigned = Tokens.signWithTlsKey(claims);
        for (String token : List.of(forged, tlsSigned)) {
            assertEquals(401, at("/api/v1/outlets").token(token).tenant("demo").get().status());
        }
        Path logs = Path.of(System.getProperty("rms.server.dir"), "logs");
        String marker = "GET /api/v1/outlets";
        long deadline = System.currentTimeMillis() + 20_000;
        while (!Files.readString(logs.resolve("access.log")).contains(marker) && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        Thread.sleep(1000);
        String messages = Files.readString(logs.resolve("messages.log"));
        for (String token : List.of(forged, tlsSigned)) {
            String signature = token.substring(token.lastIndexOf('.') + 1);
            String payload = token.split("\\.")[1];
            assertFalse(messages.contains(signature), "messages.log holds a refused token's signature");
            assertFalse(messages.contains(payload), "messages.log holds a refused token's claims");
        }
    }

    @Test
    void noTokenIsA401Problem() {
        Reply reply = at("/api/v1/outlets").tenant("demo").get();
        assertEquals(401, reply.status(), reply::toString);
        assertEquals("authentication", reply.kind());
    }

    @Test
    void aRoleThatDoesNotAllowTheOperationIsA403Problem() {
        String owner = Api.login("demo", "owner", "owner-demo");
        long mitte = at("/api/v1/outlets").token(owner).tenant("demo").get().items().stream()
                .filter(o -> o.getString("name").equals("Bistro Mitte")).findFirst().orElseThrow().getJsonNumber("id").longValue();
        String cashier = at("/api/v1/auth/pin").post(obj("tenant", "demo", "outletId", mitte, "pin", "1111"))
                .json().getString("access_token");
        Reply reply = at("/api/v1/staff").token(cashier).tenant("demo").get();
        assertEquals(403, reply.status(), reply::toString);
        assertEquals("authorization", reply.kind());
        Reply admin = at("/api/v1/tenants").token(owner).get();
        assertEquals(403, admin.status(), admin::toString);
    }
}
