package it.api;

import static it.Api.at;
import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.Api.TestTenant;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's edge findings, each tried as it was exploitable and shown refused: the error path that
 * answered 500 for every refusal, unbounded client input before authentication (a 200 KB tenant in
 * a header or a sign-in body, in the log and as a map key), a rate limiter any anonymous client
 * could drain for another tenant, chunked bodies over the limit, and an open {@code /metrics}.
 */
class EdgeAttackIT {

    static TestTenant victim;
    static TestTenant other;
    static long victimOutlet;

    @BeforeAll
    static void tenants() {
        victim = Api.newTenant("edgev");
        other = Api.newTenant("edgeo");
        victimOutlet = Api.createOutlet(victim, "Quay").getJsonNumber("id").longValue();
    }

    static void assertProblem(Reply reply, int status, String kind) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.header("Content-Type"), reply::toString);
        assertEquals("urn:rms:problem:" + kind, reply.json().getString("type"), reply::toString);
        assertEquals(status, reply.json().getInt("status"));
        assertNotNull(reply.json().getString("requestId", null), "the request id is in every problem");
    }

    /** A client-chosen string of about {@code size} characters, distinctive enough to find in the log. */
    static String attack(int size) {
        String unit = "atk" + UUID.randomUUID().toString().replace("-", "").substring(0, 7);
        return unit.repeat(size / unit.length());
    }

    /** No line of the server's log holds more than 300 characters of {@code attack}. */
    static void assertNotLoggedAtLength(String attack) throws IOException {
        String unit = attack.substring(0, 10);
        String tooMuch = unit.repeat(30);
        try (Stream<String> lines = Files.lines(messagesLog(), StandardCharsets.UTF_8)) {
            assertTrue(lines.noneMatch(line -> line.contains(tooMuch)),
                    "a log line holds more than 300 characters of the client's string");
        }
    }

    static Path messagesLog() {
        return Path.of(System.getProperty("rms.server.dir", "target/liberty/wlp/usr/servers/rms"), "logs", "messages.log");
    }

    // ---- the error path never turns a refusal into a 500

    @Test
    void noTokenIs401ProblemJson() {
        assertProblem(at("/api/v1/outlets").tenant(victim.slug()).get(), 401, "authentication");
        assertProblem(at("/api/v1/outlets").token("not-a-jwt").tenant(victim.slug()).get(), 401, "authentication");
    }

    @Test
    void anotherTenantsIdIs404ProblemJson() {
        assertProblem(other.call("/api/v1/outlets/" + victimOutlet).get(), 404, "not-found");
        assertProblem(other.call("/api/v1/no-such-resource/" + "p".repeat(5000)).get(), 404, "not-found");
    }

    @Test
    void overTheTenantsRateIs429ProblemJsonWithRetryAfter() {
        TestTenant slow = Api.newTenant("edges", 1);
        Reply limited = null;
        for (int i = 0; i < 20 && limited == null; i++) {
            Reply reply = slow.call("/api/v1/outlets").get();
            if (reply.status() == 429) {
                limited = reply;
            } else {
                assertEquals(200, reply.status(), reply::toString);
            }
        }
        assertNotNull(limited, "a tenant of 1 request/s is limited within 20 quick calls");
        assertProblem(limited, 429, "rate-limited");
        assertNotNull(limited.header("Retry-After"));
    }

    // ---- client input is bounded before authentication

    @Test
    void aMalformedTenantHeaderIs400NamingTheHeaderAndIsNotEchoed() {
        String header = "Evil-" + attack(1000);
        Reply reply = at("/api/v1/outlets").token(victim.ownerToken()).tenant(header).get();
        assertProblem(reply, 400, "validation");
        assertEquals("X-Tenant-ID", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertFalse(reply.body().contains(header.substring(5, 60)), "the header is not echoed: " + reply.body());
        Reply anonymous = at("/api/v1/outlets").tenant("a'; drop schema t_demo; --").get();
        assertNotEquals(500, anonymous.status(), anonymous::toString);
    }

    @Test
    void a200KbTenantHeaderIsRefusedAndNeverLoggedInFull() throws IOException {
        String huge = attack(200_000);
        Reply reply = at("/api/v1/outlets").token(victim.ownerToken()).tenant(huge).get();
        assertEquals(400, reply.status(), () -> reply.status() + " " + reply.body().substring(0, Math.min(300, reply.body().length())));
        assertTrue(reply.body().length() < 2000, "the answer does not echo it");
        assertNotLoggedAtLength(huge);
        assertEquals(200, at("/health/live").get().status(), "the server is still live");
    }

    @Test
    void a200KbTenantInASignInBodyIs400AndNeverLoggedInFull() throws IOException {
        String huge = attack(200_000);
        for (int i = 0; i < 3; i++) {
            Reply password = at("/api/v1/auth/token").post(obj("tenant", huge, "username", "boss", "password", "wrong-" + i));
            assertProblem(password, 400, "validation");
            assertEquals("tenant", password.json().getJsonArray("errors").getJsonObject(0).getString("field"));
            assertTrue(password.body().length() < 2000);
            Reply pin = at("/api/v1/auth/pin").post(obj("tenant", huge, "outletId", victimOutlet, "pin", "1234"));
            assertProblem(pin, 400, "validation");
        }
        assertNotLoggedAtLength(huge);
        long started = System.nanoTime();
        assertEquals(200, at("/health/live").get().status(), "liveness, which now includes the log writes, is UP");
        assertTrue(System.nanoTime() - started < 5_000_000_000L, "and answers at once");
        Reply signIn = at("/api/v1/auth/token").post(obj("tenant", victim.slug(), "username", "boss", "password", "boss-password"));
        assertEquals(200, signIn.status(), "sign-ins still work: " + signIn);
    }

    @Test
    void livenessReportsTheLogWrites() {
        Reply live = at("/health/live").get();
        assertEquals(200, live.status(), live::toString);
        assertTrue(live.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .anyMatch(c -> c.getString("name").equals("logging") && c.getString("status").equals("UP")), live::toString);
    }

    @Test
    void callsNamingATenantBeforeItAcceptedThemNeitherDrainNorResetItsBudget() {
        // Before: the bucket of X-Tenant-ID was charged before authentication and before the
        // isolation check, so anyone could spend a tenant's budget (3/s here) by naming it on an open
        // endpoint, or with another tenant's token; now only calls the tenant accepted are charged.
        TestTenant budget = Api.newTenant("edgeb", 3);
        for (int i = 0; i < 30; i++) {
            Reply open = at("/api/v1/auth/token").tenant(budget.slug()).send("POST", "[]");
            assertEquals(400, open.status(), open::toString);
            at("/api/v1/auth/token").tenant("r" + UUID.randomUUID().toString().replace("-", "").substring(0, 20))
                    .send("POST", "[]");
        }
        for (int i = 0; i < 10; i++) {
            assertEquals(403, at("/api/v1/outlets").token(other.ownerToken()).tenant(budget.slug()).get().status());
        }
        Reply owner = budget.call("/api/v1/outlets").get();
        assertEquals(200, owner.status(), "the tenant's own call is not rate-limited: " + owner);
    }

    // ---- bodies over the limit

    @Test
    void aChunkedBodyOverTheLimitIs413ProblemJson() throws Exception {
        byte[] body = ("{\"name\":\"" + "x".repeat(1_200_000) + "\",\"timezone\":\"UTC\",\"currency\":\"EUR\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(Api.BASE + "/api/v1/outlets"))
                .header("Authorization", "Bearer " + victim.ownerToken()).header("X-Tenant-ID", victim.slug())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> response = Api.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        Reply reply = new Reply(response.statusCode(), response);
        assertProblem(reply, 413, "payload-too-large");
        assertEquals(1, victim.call("/api/v1/outlets").get().json().getInt("total"), "nothing was created");
    }

    // ---- /metrics behind authentication

    @Test
    void metricsWithoutCredentialsIsRefused() throws Exception {
        Reply plain = at("/metrics").get();
        assertNotEquals(200, plain.status(), "metrics are no longer open over HTTP");
        assertEquals(401, metrics(null).status, "HTTPS without a credential");
        String user = System.getProperty("rms.metrics.user", "metrics");
        assertEquals(401, metrics(user + ":wrong-password").status, "a wrong password");
        assertEquals(401, metrics(user + ":").status, "an empty password, also when none is configured");
    }

    @Test
    void metricsWithTheOperatorCredentialIsServed() throws Exception {
        Scrape scrape = metrics(System.getProperty("rms.metrics.user", "metrics") + ":"
                + System.getProperty("rms.metrics.password", "metrics-it-password"));
        assertEquals(200, scrape.status, scrape.body);
        assertTrue(scrape.body.contains("jvm_uptime") || scrape.body.contains("base_jvm_uptime"), scrape.body);
    }

    record Scrape(int status, String body) {
    }

    /** GET https://localhost:<https>/metrics, trusting the server's self-signed certificate. */
    static Scrape metrics(String userAndPassword) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String type) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String type) {
                // the test server's generated certificate: what is tested is the credential, not TLS
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        Api.awaitReady();
        HttpsURLConnection connection = (HttpsURLConnection) URI.create("https://localhost:"
                + System.getProperty("rms.https.port", "9443") + "/metrics").toURL().openConnection();
        connection.setSSLSocketFactory(tls.getSocketFactory());
        connection.setHostnameVerifier((host, session) -> true);
        connection.setInstanceFollowRedirects(false);
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(30_000);
        if (userAndPassword != null) {
            connection.setRequestProperty("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8)));
        }
        int status = connection.getResponseCode();
        InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        connection.disconnect();
        return new Scrape(status, body);
    }
}
