package it.api;

import static it.Api.at;
import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.SocketInbox;
import it.Api.Reply;
import it.Api.TestTenant;
import it.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, sockets: a socket gets a two-minute token of its own audience instead of an API token,
 * that token is no API bearer, and a socket is closed when what authenticated it expires; no
 * credential in a socket URL reaches the logs.
 */
class SocketTokenIT {

    private static final String WS = Api.BASE.replace("http", "ws") + "/ws/events";

    private static TestTenant a;
    private static TestTenant b;
    private static long outletA;

    @BeforeAll
    static void tenants() {
        a = Api.newTenant("sta");
        b = Api.newTenant("stb");
        outletA = Api.createOutlet(a, "Quay").getJsonNumber("id").longValue();
    }


    /** Opens a socket the way the pages do: the token as a subprotocol, never in the URL. */
    private static WebSocket open(String token, SocketInbox inbox) {
        return Api.HTTP.newWebSocketBuilder().subprotocols("bearer", token).buildAsync(URI.create(WS), inbox).join();
    }

    private static Reply handshake(String token) {
        return at("/ws/events").header("Sec-WebSocket-Protocol", "bearer, " + token).get();
    }

    private static JsonObject socketTokenFor(String apiToken) {
        Reply reply = at("/api/v1/auth/socket-token").token(apiToken).post(null);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    /** The owner's claims with the given audience and times, signed with the server's JWT key. */
    private static String mint(String aud, long iat, long exp, Long sessionExp) {
        var claims = Json.createObjectBuilder(Tokens.claims(a.ownerToken())).add("aud", aud).add("iat", iat).add("exp", exp);
        if (sessionExp != null) {
            claims.add("session_exp", sessionExp);
        }
        return Tokens.signWithServerKey(claims.build());
    }

    @Test
    void aSocketTokenLivesTwoMinutesCarriesTheApiTokensEndAndIsNoApiBearer() {
        JsonObject issued = socketTokenFor(a.ownerToken());
        String token = issued.getString("token");
        JsonObject claims = Tokens.claims(token);
        assertEquals("rms-ws", claims.getString("aud"));
        assertTrue(issued.getJsonNumber("expires_in").longValue() <= 120, issued::toString);
        assertTrue(claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue() <= 120);
        assertEquals(Tokens.claims(a.ownerToken()).getJsonNumber("exp").longValue(),
                claims.getJsonNumber("session_exp").longValue(), "the socket lives as long as the API token");
        assertEquals(a.slug(), claims.getString("tenant"));
        assertEquals(Tokens.header(a.ownerToken()).getString("kid"), Tokens.header(token).getString("kid"));

        // the API token works as a bearer; the socket token, though signed by the same key, does not
        assertEquals(200, at("/api/v1/outlets").token(a.ownerToken()).tenant(a.slug()).get().status());
        Reply refused = at("/api/v1/outlets").token(token).tenant(a.slug()).get();
        assertEquals(401, refused.status(), refused::toString);
        assertFalse(refused.body().contains("Quay"));
        assertEquals(401, at("/api/v1/auth/socket-token").token(token).post(null).status(),
                "a socket token cannot be traded for another one");
    }

    @Test
    void aSocketTokenNeedsABearerAndATenant() {
        assertEquals(401, at("/api/v1/auth/socket-token").post(null).status());
        Reply admin = at("/api/v1/auth/socket-token").token(Api.adminToken()).post(null);
        assertEquals(403, admin.status(), admin::toString);
    }

    @Test
    void aSocketTokenOpensASocketThatHearsOnlyItsTenant() throws Exception {
        SocketInbox inboxA = new SocketInbox();
        SocketInbox inboxB = new SocketInbox();
        WebSocket socketA = open(socketTokenFor(a.ownerToken()).getString("token"), inboxA);
        WebSocket socketB = open(socketTokenFor(b.ownerToken()).getString("token"), inboxB);
        try {
            Thread.sleep(300);
            assertEquals(201, a.call("/api/v1/outlets/" + outletA + "/tables").post(obj("label", "Q1", "seats", 2)).status());
            JsonObject event = inboxA.next("table.updated");
            assertNotNull(event, "tenant A's socket hears its table");
            assertEquals("Q1", event.getJsonObject("data").getString("label"));
            assertNull(inboxB.next("table.updated"), "tenant B's socket hears nothing of tenant A");
        } finally {
            socketA.abort();
            socketB.abort();
        }
    }

    @Test
    void aSocketTokenOlderThanTwoMinutesCannotConnect() {
        long now = now();
        // the boundary's good side: a fresh token minted with the same key connects
        Reply fresh = handshake(mint("rms-ws", now, now + 120, now + 3600));
        assertFalse(fresh.status() == 401, fresh::toString);

        Reply stale = handshake(mint("rms-ws", now - 300, now - 180, now + 3600));
        assertEquals(401, stale.status(), stale::toString);
        assertEquals("authentication", stale.kind());
        // a socket token cannot claim a longer window to connect in
        assertEquals(401, handshake(mint("rms-ws", now, now + 3600, now + 3600)).status());
        // nor a socket beyond the 8 hours any token may live
        assertEquals(401, handshake(mint("rms-ws", now, now + 120, now + 9 * 3600)).status());
        // nor open without saying when it ends
        assertEquals(401, handshake(mint("rms-ws", now, now + 120, null)).status());
        // a token for another audience opens nothing
        assertEquals(401, handshake(mint("someone-else", now, now + 120, now + 3600)).status());
    }

    @Test
    void aSocketIsClosedWhenItsApiTokenExpires() throws Exception {
        long now = now();
        SocketInbox inbox = new SocketInbox();
        WebSocket socket = open(mint("rms", now, now + 3, null), inbox);
        try {
            String closed = inbox.closed.get(20, TimeUnit.SECONDS);
            assertEquals("1008 token expired", closed);
        } finally {
            socket.abort();
        }
    }

    @Test
    void aSocketOpenedWithASocketTokenIsClosedAtItsSessionsEnd() throws Exception {
        long now = now();
        SocketInbox inbox = new SocketInbox();
        long opened = System.currentTimeMillis();
        WebSocket socket = open(mint("rms-ws", now, now + 120, now + 3), inbox);
        try {
            String closed = inbox.closed.get(20, TimeUnit.SECONDS);
            assertEquals("1008 token expired", closed);
            assertTrue(System.currentTimeMillis() - opened < 15_000, "closed at session_exp, not at the end of the window");
        } finally {
            socket.abort();
        }
    }

    @Test
    void noLogLineCarriesTheSocketsTokenOrQueryString() throws Exception {
        String token = a.ownerToken();
        SocketInbox inbox = new SocketInbox();
        // API.md still allows the query parameter: it must not reach the access log
        WebSocket socket = Api.HTTP.newWebSocketBuilder()
                .buildAsync(URI.create(WS + "?access_token=" + token), inbox).join();
        socket.abort();
        Reply refused = at("/ws/events?access_token=forged." + "x".repeat(40) + ".sig").get();
        assertEquals(401, refused.status());

        Path logs = Path.of(System.getProperty("rms.server.dir"), "logs");
        String access = awaitLogLine(logs.resolve("access.log"), "GET /ws/events HTTP/1.1");
        assertFalse(access.contains("access_token"), "the access log writes no query string");
        assertFalse(access.contains(token), "the access log writes no token");
        String messages = Files.readString(logs.resolve("messages.log"));
        assertFalse(messages.contains(token), "no log line carries the token");
        assertFalse(messages.contains("access_token="), "no log line carries a credential's query string");
        assertFalse(messages.contains(token.substring(token.lastIndexOf('.') + 1)), "nor the token's signature");
    }

    private static String awaitLogLine(Path log, String expected) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(log)) {
                String content = Files.readString(log);
                if (content.contains(expected)) {
                    return content;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no '" + expected + "' in " + log);
    }
}
