package it.api;

import static it.Api.at;
import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.Api.TestTenant;
import it.PartnerSigner;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Partners (issue 12): the owner creates, lists, rotates and revokes them; a partner's client signs
 * its requests as the README says, and every way a signature can be wrong is the same 401. Signed
 * here from the README's recipe alone, with no server classes.
 */
class PartnersIT {

    static final String OUTLETS = PartnerSigner.OUTLETS;
    static TestTenant a;
    static TestTenant b;
    static long harbour;
    static long station;
    static long outletOfB;

    @BeforeAll
    static void twoChains() {
        a = Api.newTenant("partnera");
        b = Api.newTenant("partnerb");
        harbour = Api.createOutlet(a, "Harbour").getJsonNumber("id").longValue();
        station = Api.createOutlet(a, "Station").getJsonNumber("id").longValue();
        outletOfB = Api.createOutlet(b, "Bay").getJsonNumber("id").longValue();
    }

    /** A partner's key as the create or rotate answer gives it. */
    record Key(long partnerId, String keyId, String secret) {
        static Key of(JsonObject partner) {
            return new Key(partner.getJsonNumber("id").longValue(), partner.getString("keyId"), partner.getString("secret"));
        }

        Key withSecret(String other) {
            return new Key(partnerId, keyId, other);
        }
    }

    static Key create(TestTenant t, String name, List<Long> outlets) {
        Reply created = t.call("/api/v1/partners").post(obj("name", name, "webhookUrl", "https://partner.example/hooks/rms",
                "outletIds", outlets));
        assertEquals(201, created.status(), created::toString);
        return Key.of(created.json());
    }

    static long now() {
        return PartnerSigner.now();
    }

    static String sign(String secret, String timestamp, String body) {
        return PartnerSigner.sign(secret, timestamp, body);
    }

    /** A signed GET of the partner's outlets: signed over {@code signedBody}, sent with {@code sentBody} (null: none). */
    static Reply outlets(String tenant, Key key, long timestamp, String signedBody, String sentBody) {
        return PartnerSigner.outlets(tenant, key.keyId(), key.secret(), timestamp, signedBody, sentBody);
    }

    static Reply outlets(String tenant, Key key) throws Exception {
        return outlets(tenant, key, now(), "", null);
    }

    static void assertRefused(Reply reply) {
        EdgeAttackIT.assertProblem(reply, 401, "authentication");
        assertEquals("a valid partner signature is required", reply.json().getString("detail"),
                "every refusal says the same: no oracle");
    }

    static List<Long> ids(Reply reply) {
        return reply.items().stream().map(o -> o.getJsonNumber("id").longValue()).toList();
    }

    @Test
    void anOwnerCreatesAPartnerAndSeesItsSecretOnlyOnce() {
        Reply created = a.call("/api/v1/partners").post(obj("name", "Quick Eats", "webhookUrl",
                "https://quick.example/rms?token=abc", "outletIds", List.of(harbour, station)));
        assertEquals(201, created.status(), created::toString);
        JsonObject partner = created.json();
        long id = partner.getJsonNumber("id").longValue();
        assertTrue(created.header("Location").endsWith("/api/v1/partners/" + id), created.header("Location"));
        assertEquals("Quick Eats", partner.getString("name"));
        assertTrue(partner.getString("keyId").matches("pk_[0-9a-f]{24}"), partner::toString);
        String secret = partner.getString("secret");
        assertTrue(secret.length() >= 40, "a high-entropy secret");
        assertEquals("https://quick.example/rms?token=abc", partner.getString("webhookUrl"));
        assertEquals(List.of(harbour, station).stream().sorted().toList(),
                partner.getJsonArray("outletIds").getValuesAs(jakarta.json.JsonNumber.class).stream()
                        .map(jakarta.json.JsonNumber::longValue).toList());
        assertTrue(partner.getBoolean("active"));

        Reply got = a.call("/api/v1/partners/" + id).get();
        assertEquals(200, got.status(), got::toString);
        assertEquals(partner.getString("keyId"), got.json().getString("keyId"));
        assertFalse(got.json().containsKey("secret"), got::toString);
        assertFalse(got.body().contains(secret));
        Reply list = a.call("/api/v1/partners?size=500").get();
        assertEquals(200, list.status(), list::toString);
        assertTrue(list.items().stream().anyMatch(p -> p.getJsonNumber("id").longValue() == id));
        assertTrue(list.items().stream().noneMatch(p -> p.containsKey("secret")), list::toString);
        assertFalse(list.body().contains(secret));

        List<JsonObject> trail = a.call("/api/v1/audit?size=500").get().items();
        assertTrue(trail.stream().anyMatch(e -> e.getString("action").equals("partner.created")
                && e.getString("target", "").equals("partner:" + id)), trail::toString);
        assertTrue(trail.stream().noneMatch(e -> e.toString().contains(secret)), "the audit trail never holds a secret");
    }

    @Test
    void aSignedRequestRunsAsThePartnerAndSeesOnlyItsOutlets() throws Exception {
        Key key = create(a, "Harbour only", List.of(harbour));
        Reply reply = outlets(a.slug(), key);
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(List.of(harbour), ids(reply));
        assertEquals("Harbour", reply.items().get(0).getString("name"));

        Key both = create(a, "Both outlets", List.of(station, harbour));
        assertEquals(List.of(harbour, station), ids(outlets(a.slug(), both)), "by name");
    }

    @Test
    void aClosedOutletIsNoLongerOffered() throws Exception {
        long closing = Api.createOutlet(a, "Closing soon").getJsonNumber("id").longValue();
        Key key = create(a, "Two outlets", List.of(closing, harbour));
        assertEquals(List.of(closing, harbour), ids(outlets(a.slug(), key)));
        Reply closed = a.call("/api/v1/outlets/" + closing).put(obj("name", "Closing soon", "address", "Main St 1",
                "timezone", "Europe/Berlin", "currency", "EUR", "active", false));
        assertEquals(200, closed.status(), closed::toString);
        assertEquals(List.of(harbour), ids(outlets(a.slug(), key)));
    }

    @Test
    void aSuspendedTenantsPartnerIsRefusedOnlyOnceItsSignatureIsGood() throws Exception {
        TestTenant c = Api.newTenant("partnerc");
        long outlet = Api.createOutlet(c, "Dock").getJsonNumber("id").longValue();
        Key key = create(c, "Suspended", List.of(outlet));
        String admin = Api.adminToken();
        assertEquals(200, at("/api/v1/tenants/" + c.slug() + "/suspend").token(admin).post(null).status());
        try {
            assertRefused(outlets(c.slug(), key.withSecret("sk_guess")), "a wrong signature tells nothing of the tenant");
            EdgeAttackIT.assertProblem(outlets(c.slug(), key), 403, "authorization");
        } finally {
            assertEquals(200, at("/api/v1/tenants/" + c.slug() + "/resume").token(admin).post(null).status());
        }
        assertEquals(200, outlets(c.slug(), key).status());
    }

    @Test
    void theSignatureCoversTheRawBodyAndTheSameBytesReachTheServer() throws Exception {
        Key key = create(a, "Body signer", List.of(harbour));
        String body = "{\"outletId\": " + harbour + ", \"note\": \"caf\u00e9\"}";
        Reply signed = outlets(a.slug(), key, now(), body, body);
        assertEquals(200, signed.status(), signed::toString);
        assertRefused(outlets(a.slug(), key, now(), body, body.replace("caf\u00e9", "cafe")));
        assertRefused(outlets(a.slug(), key, now(), body, body.replace(" ", "")));
        assertRefused(outlets(a.slug(), key, now(), "", body));
    }

    @Test
    void everyWrongSignatureIsTheSame401() throws Exception {
        Key key = create(a, "Refused", List.of(harbour));
        Key ofB = create(b, "Other chain", List.of(outletOfB));
        String ts = Long.toString(now());

        assertRefused(at(OUTLETS).tenant(a.slug()).get());
        assertRefused(at(OUTLETS).tenant(a.slug()).header("X-RMS-Key-Id", key.keyId()).header("X-RMS-Timestamp", ts).get());
        assertRefused(at(OUTLETS).tenant(a.slug()).header("X-RMS-Key-Id", key.keyId())
                .header("X-RMS-Signature", sign(key.secret(), ts, "")).get());
        assertRefused(outlets(a.slug(), key.withSecret(key.secret() + "x")));
        assertRefused(at(OUTLETS).tenant(a.slug()).header("X-RMS-Key-Id", key.keyId()).header("X-RMS-Timestamp", ts)
                .header("X-RMS-Signature", sign(key.secret(), ts, "").toUpperCase()).get());
        assertRefused(outlets(a.slug(), key, now() - 400, "", null));
        assertRefused(outlets(a.slug(), key, now() + 400, "", null));
        assertRefused(at(OUTLETS).tenant(a.slug()).header("X-RMS-Key-Id", key.keyId()).header("X-RMS-Timestamp", ts + ".0")
                .header("X-RMS-Signature", sign(key.secret(), ts + ".0", "")).get());
        assertRefused(outlets(a.slug(), new Key(0, "pk_" + "0".repeat(24), key.secret())));
        assertRefused(outlets(a.slug(), new Key(0, "not a key", key.secret())));
        assertRefused(outlets(b.slug(), key), "A's key with X-Tenant-ID B");
        assertRefused(outlets(a.slug(), ofB));
        assertRefused(outlets("no_such_chain", key));
        // a bearer token is no way in either: partner endpoints take signatures only
        assertRefused(at(OUTLETS).token(a.ownerToken()).tenant(a.slug()).get());

        assertEquals(200, outlets(a.slug(), key).status(), "the key itself is fine");
        assertEquals(200, outlets(b.slug(), ofB).status());
    }

    static void assertRefused(Reply reply, String why) {
        assertEquals(401, reply.status(), () -> why + ": " + reply);
        assertRefused(reply);
    }

    @Test
    void theTimestampWindowIsThreeHundredSecondsEitherWay() throws Exception {
        Key key = create(a, "Clock", List.of(harbour));
        // a few seconds inside the window, either way: the server's clock and this one may differ a little
        assertEquals(200, outlets(a.slug(), key, now() - 290, "", null).status());
        assertEquals(200, outlets(a.slug(), key, now() + 290, "", null).status());
        assertRefused(outlets(a.slug(), key, now() - 310, "", null));
        assertRefused(outlets(a.slug(), key, now() + 310, "", null));
    }

    @Test
    void aRotationIssuesANewSecretAndTheOldOneWorksForItsGrace() throws Exception {
        Key first = create(a, "Rotating", List.of(harbour));
        Reply rotated = a.call("/api/v1/partners/" + first.partnerId() + "/rotate").post(null);
        assertEquals(200, rotated.status(), rotated::toString);
        Key second = Key.of(rotated.json());
        assertEquals(first.keyId(), second.keyId(), "the key id stays");
        assertNotEquals(first.secret(), second.secret());
        assertFalse(a.call("/api/v1/partners/" + first.partnerId()).get().json().containsKey("secret"));

        assertEquals(200, outlets(a.slug(), second).status(), "the new secret works at once");
        assertEquals(200, outlets(a.slug(), first).status(), "the old one right after the rotation too");

        Key third = Key.of(a.call("/api/v1/partners/" + first.partnerId() + "/rotate").post(null).json());
        assertRefused(outlets(a.slug(), first), "one previous secret is kept: a second rotation ends the first at once");
        assertEquals(200, outlets(a.slug(), second).status());
        assertEquals(200, outlets(a.slug(), third).status());
        assertTrue(a.call("/api/v1/audit?size=500").get().items().stream().filter(e -> e.getString("action")
                .equals("partner.key.rotated") && e.getString("target", "").equals("partner:" + first.partnerId())).count() == 2);
    }

    @Test
    void aRevocationStopsEverySecretAtOnceAndThePartnerStaysListedInactive() throws Exception {
        Key first = create(a, "Revoked", List.of(harbour));
        Key second = Key.of(a.call("/api/v1/partners/" + first.partnerId() + "/rotate").post(null).json());
        assertEquals(200, outlets(a.slug(), first).status());

        Reply revoked = a.call("/api/v1/partners/" + first.partnerId()).delete();
        assertEquals(204, revoked.status(), revoked::toString);
        assertRefused(outlets(a.slug(), second), "the current secret");
        assertRefused(outlets(a.slug(), first), "the previous secret within its grace");

        JsonObject partner = a.call("/api/v1/partners/" + first.partnerId()).get().json();
        assertFalse(partner.getBoolean("active"));
        assertTrue(a.call("/api/v1/partners?size=500").get().items().stream()
                .anyMatch(p -> p.getJsonNumber("id").longValue() == first.partnerId() && !p.getBoolean("active")));
        assertEquals(204, a.call("/api/v1/partners/" + first.partnerId()).delete().status(), "revoking again changes nothing");
        Reply rotate = a.call("/api/v1/partners/" + first.partnerId() + "/rotate").post(null);
        EdgeAttackIT.assertProblem(rotate, 409, "conflict");
        assertRefused(outlets(a.slug(), second));
        assertTrue(a.call("/api/v1/audit?size=500").get().items().stream().anyMatch(e -> e.getString("action")
                .equals("partner.revoked") && e.getString("target", "").equals("partner:" + first.partnerId())));
    }

    @Test
    void onlyTheOwnerManagesPartners() {
        Reply manager = a.call("/api/v1/staff").post(obj("username", "mgr", "displayName", "Manager", "roles",
                List.of("MANAGER"), "outletIds", List.of(harbour), "password", "mgr-password"));
        assertEquals(201, manager.status(), manager::toString);
        String token = Api.login(a.slug(), "mgr", "mgr-password");
        Key key = create(a, "Owner's", List.of(harbour));
        EdgeAttackIT.assertProblem(at("/api/v1/partners").token(token).tenant(a.slug()).get(), 403, "authorization");
        EdgeAttackIT.assertProblem(at("/api/v1/partners").token(token).tenant(a.slug())
                .post(obj("name", "Mine", "outletIds", List.of(harbour))), 403, "authorization");
        EdgeAttackIT.assertProblem(at("/api/v1/partners/" + key.partnerId()).token(token).tenant(a.slug()).get(), 403,
                "authorization");
        EdgeAttackIT.assertProblem(at("/api/v1/partners/" + key.partnerId() + "/rotate").token(token).tenant(a.slug())
                .post(null), 403, "authorization");
        EdgeAttackIT.assertProblem(at("/api/v1/partners/" + key.partnerId()).token(token).tenant(a.slug()).delete(), 403,
                "authorization");
        EdgeAttackIT.assertProblem(at("/api/v1/partners").tenant(a.slug()).get(), 401, "authentication");
        assertTrue(a.call("/api/v1/partners/" + key.partnerId()).get().json().getBoolean("active"));
    }

    @Test
    void badBodiesAre400NamingTheFieldAndCreateNothing() {
        long before = a.call("/api/v1/partners").get().json().getInt("total");
        assertInvalid(obj("webhookUrl", "https://x.example", "outletIds", List.of(harbour)), "name");
        assertInvalid(obj("name", " ", "outletIds", List.of(harbour)), "name");
        assertInvalid(obj("name", "n".repeat(121), "outletIds", List.of(harbour)), "name");
        assertInvalid(obj("name", "No outlets"), "outletIds");
        assertInvalid(obj("name", "No outlets", "outletIds", List.of()), "outletIds");
        assertInvalid(obj("name", "Unknown outlet", "outletIds", List.of(harbour, 99999999L)), "outletIds");
        assertInvalid(obj("name", "B's outlet", "outletIds", List.of(outletOfB)), "outletIds");
        assertInvalid(obj("name", "Relative hook", "webhookUrl", "/hooks", "outletIds", List.of(harbour)), "webhookUrl");
        assertInvalid(obj("name", "FTP hook", "webhookUrl", "ftp://x.example/hooks", "outletIds", List.of(harbour)),
                "webhookUrl");
        assertInvalid(obj("name", "Credentials", "webhookUrl", "https://u:p@x.example/h", "outletIds", List.of(harbour)),
                "webhookUrl");
        Reply malformed = a.call("/api/v1/partners").send("POST", "{\"name\": ");
        EdgeAttackIT.assertProblem(malformed, 400, "validation");
        EdgeAttackIT.assertProblem(a.call("/api/v1/partners").send("POST", ""), 400, "validation");
        assertEquals(before, a.call("/api/v1/partners").get().json().getInt("total"), "nothing was created");
    }

    static void assertInvalid(JsonObject body, String field) {
        Reply reply = a.call("/api/v1/partners").post(body);
        EdgeAttackIT.assertProblem(reply, 400, "validation");
        assertTrue(reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getString("field").equals(field)), reply::toString);
    }

    @Test
    void anotherTenantCannotSeeOrTouchAPartnerById() throws Exception {
        Key key = create(a, "Isolated", List.of(harbour));
        String path = "/api/v1/partners/" + key.partnerId();
        EdgeAttackIT.assertProblem(b.call(path).get(), 404, "not-found");
        EdgeAttackIT.assertProblem(b.call(path + "/rotate").post(null), 404, "not-found");
        EdgeAttackIT.assertProblem(b.call(path).delete(), 404, "not-found");
        assertTrue(b.call("/api/v1/partners?size=500").get().items().stream()
                .noneMatch(p -> p.getJsonNumber("id").longValue() == key.partnerId()));
        EdgeAttackIT.assertProblem(at("/api/v1/partners").token(a.ownerToken()).tenant(b.slug()).get(), 403,
                "tenant-isolation");
        assertEquals(200, outlets(a.slug(), key).status(), "nothing B did reached A's partner");
        assertTrue(a.call(path).get().json().getBoolean("active"));
    }

    @Test
    void failuresAreCountedPerKeyAndLoggedWithoutTheSignature() throws Exception {
        Key key = create(a, "Counted", List.of(harbour));
        String ts = Long.toString(now());
        String forged = sign(key.secret() + "-forged", ts, "");
        assertRefused(at(OUTLETS).tenant(a.slug()).header("X-RMS-Key-Id", key.keyId()).header("X-RMS-Timestamp", ts)
                .header("X-RMS-Signature", forged).get());
        assertRefused(outlets(a.slug(), key, now() - 1000, "", null));

        EdgeAttackIT.Scrape scrape = EdgeAttackIT.metrics(System.getProperty("rms.metrics.user", "metrics") + ":"
                + System.getProperty("rms.metrics.password", "metrics-it-password"));
        assertEquals(200, scrape.status(), scrape.body());
        List<String> counted = scrape.body().lines().filter(l -> l.startsWith("rms_partner_signature_failures")
                && l.contains("key=\"" + key.keyId() + "\"")).toList();
        assertTrue(counted.stream().anyMatch(l -> l.contains("reason=\"bad-signature\"") && l.endsWith(" 1.0")), counted::toString);
        assertTrue(counted.stream().anyMatch(l -> l.contains("reason=\"stale-timestamp\"") && l.endsWith(" 1.0")),
                counted::toString);

        String line = awaitLogLine("partner request refused (bad-signature): key " + key.keyId());
        assertTrue(line.contains(a.slug()), line);
        try (Stream<String> lines = Files.lines(EdgeAttackIT.messagesLog(), StandardCharsets.UTF_8)) {
            assertTrue(lines.noneMatch(l -> l.contains(forged) || l.contains(key.secret())),
                    "no log line holds a signature or a secret");
        }
    }

    /** The first line of the server's log holding {@code text}, once the server wrote it. */
    static String awaitLogLine(String text) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Stream<String> lines = Files.lines(EdgeAttackIT.messagesLog(), StandardCharsets.UTF_8)) {
                var found = lines.filter(l -> l.contains(text)).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server's log never held: " + text);
    }

    @Test
    void theOpenApiDocumentDescribesPartnersAndTheSignatureHeaders() {
        Reply openapi = at("/openapi").header("Accept", "application/json").get();
        assertEquals(200, openapi.status());
        JsonObject paths = openapi.json().getJsonObject("paths");
        for (String path : List.of("/api/v1/partners", "/api/v1/partners/{id}", "/api/v1/partners/{id}/rotate", OUTLETS)) {
            assertTrue(paths.containsKey(path), "OpenAPI lacks " + path);
        }
        JsonObject signed = paths.getJsonObject(OUTLETS).getJsonObject("get");
        assertEquals(List.of("Partners"), signed.getJsonArray("tags").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        JsonObject requirement = signed.getJsonArray("security").getJsonObject(0);
        assertEquals(java.util.Set.of("partnerKeyId", "partnerTimestamp", "partnerSignature"), requirement.keySet(),
                "all three headers together, and no bearer token");
        assertTrue(signed.getJsonObject("responses").containsKey("401"));
        JsonObject schemes = openapi.json().getJsonObject("components").getJsonObject("securitySchemes");
        JsonObject signature = schemes.getJsonObject("partnerSignature");
        assertEquals("apiKey", signature.getString("type"));
        assertEquals("header", signature.getString("in"));
        assertEquals("X-RMS-Signature", signature.getString("name"));
        assertEquals("X-RMS-Key-Id", schemes.getJsonObject("partnerKeyId").getString("name"));
        assertEquals("X-RMS-Timestamp", schemes.getJsonObject("partnerTimestamp").getString("name"));
        JsonObject create = paths.getJsonObject("/api/v1/partners").getJsonObject("post");
        assertTrue(create.getJsonObject("responses").keySet().containsAll(List.of("201", "400", "401", "403")),
                create::toString);
    }

    @Test
    void otherEndpointsStillRefuseCallsWithoutAToken() {
        EdgeAttackIT.assertProblem(at("/api/v1/outlets").tenant(a.slug()).header("X-RMS-Key-Id", "pk_" + "0".repeat(24))
                .get(), 401, "authentication");
    }
}
