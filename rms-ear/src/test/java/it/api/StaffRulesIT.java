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
import it.Tokens;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The attack on staff management (issue 9, "a manager takes over the chain"), each step first as it
 * was exploitable, then refused: a manager emptying their own outlets to see every outlet, resetting
 * another outlet's manager's password, creating outlet staff without outlets or a batch operator;
 * PIN tokens of owners; a deactivated member's token; and another tenant's manager.
 */
class StaffRulesIT {

    static TestTenant t;
    static long outletA;
    static long outletB;

    @BeforeAll
    static void chain() {
        t = Api.newTenant("staffrules");
        outletA = Api.createOutlet(t, "Alpha").getJsonNumber("id").longValue();
        outletB = Api.createOutlet(t, "Beta").getJsonNumber("id").longValue();
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonObject member(String username, List<String> roles, List<Long> outlets, String pin) {
        return obj("username", username, "displayName", username, "roles", roles, "outletIds", outlets, "pin", pin,
                "password", username + "-password", "hourlyRate", new BigDecimal("15.00"), "active", true);
    }

    /** Creates a member as the owner; answers its id. */
    private static long create(String username, List<String> roles, List<Long> outlets, String pin) {
        Reply created = t.call("/api/v1/staff").post(member(username, roles, outlets, pin));
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    private static String login(String username) {
        return Api.login(t.slug(), username, username + "-password");
    }

    private static Reply as(String token, String path) {
        return at(path).token(token).tenant(t.slug()).get();
    }

    private static List<String> fields(Reply reply) {
        return reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream().map(e -> e.getString("field"))
                .toList();
    }

    private static JsonObject record(long id) {
        Reply reply = t.call("/api/v1/staff/" + id).get();
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    @Test
    void aManagerWhoEmptiesTheirOwnOutletsIsRefusedAndNoOutletsNeverMeansAll() {
        String name = unique("mgra");
        long id = create(name, List.of("MANAGER"), List.of(outletA), null);
        String manager = login(name);
        assertEquals(200, as(manager, "/api/v1/outlets/" + outletA + "/stock").status());
        assertNotEquals(200, as(manager, "/api/v1/outlets/" + outletB + "/stock").status());

        // the attack: outletIds [] on their own record (was 200, and the next token read every outlet)
        Reply emptied = at("/api/v1/staff/" + id).token(manager).tenant(t.slug())
                .put(member(name, List.of("MANAGER"), List.of(), null));
        assertEquals(400, emptied.status(), emptied::toString);
        assertTrue(fields(emptied).contains("outletIds"), emptied::toString);
        Reply widened = at("/api/v1/staff/" + id).token(manager).tenant(t.slug())
                .put(member(name, List.of("MANAGER"), List.of(outletA, outletB), null));
        assertEquals(403, widened.status(), widened::toString);
        Reply promoted = at("/api/v1/staff/" + id).token(manager).tenant(t.slug())
                .put(member(name, List.of("MANAGER", "CASHIER"), List.of(outletA), null));
        assertEquals(403, promoted.status(), promoted::toString);
        assertEquals(List.of(outletA), record(id).getJsonArray("outletIds").getValuesAs(jakarta.json.JsonNumber.class)
                .stream().map(jakarta.json.JsonNumber::longValue).toList(), "nothing changed");

        String again = login(name);
        assertNotEquals(200, as(again, "/api/v1/outlets/" + outletB + "/stock").status());
        // a manager's token without any outlets (as the emptied record would have signed in) sees none
        JsonObject claims = Tokens.claims(again);
        long now = System.currentTimeMillis() / 1000;
        String noOutlets = Tokens.signWithServerKey(obj("iss", claims.getString("iss"), "aud", "rms",
                "sub", claims.getString("sub"), "upn", name, "groups", List.of("MANAGER"), "tenant", t.slug(),
                "iat", now, "exp", now + 600));
        assertEquals(200, as(noOutlets, "/api/v1/outlets").status());
        assertEquals(0, as(noOutlets, "/api/v1/outlets").json().getJsonNumber("total").longValue());
        assertNotEquals(200, as(noOutlets, "/api/v1/outlets/" + outletB + "/stock").status());
        assertNotEquals(200, as(noOutlets, "/api/v1/outlets/" + outletA + "/stock").status());
        // and changing their own name (nothing they are not allowed) still works
        Reply renamed = at("/api/v1/staff/" + id).token(again).tenant(t.slug())
                .put(obj("username", name, "displayName", "Renamed", "roles", List.of("MANAGER"),
                        "outletIds", List.of(outletA), "hourlyRate", new BigDecimal("15.00"), "active", true));
        assertEquals(200, renamed.status(), renamed::toString);
    }

    @Test
    void aManagerCannotResetThePasswordOfAnotherOutletsManagerNorOfAColleague() {
        String a = unique("mgra");
        create(a, List.of("MANAGER"), List.of(outletA, outletB), null);
        String b = unique("mgrb");
        long bId = create(b, List.of("MANAGER"), List.of(outletB), null);
        String manager = login(a);
        // the attack: reset outlet B's manager's password and sign in as them (was 200 twice)
        Reply reset = at("/api/v1/staff/" + bId).token(manager).tenant(t.slug())
                .put(obj("username", b, "displayName", b, "roles", List.of("MANAGER"), "outletIds", List.of(outletB),
                        "password", "taken-over-password", "hourlyRate", new BigDecimal("15.00"), "active", true));
        assertEquals(403, reset.status(), reset::toString);
        assertEquals(401, at("/api/v1/auth/token").post(obj("tenant", t.slug(), "username", b,
                "password", "taken-over-password")).status());
        assertEquals(200, at("/api/v1/auth/token").post(obj("tenant", t.slug(), "username", b,
                "password", b + "-password")).status(), "the victim's password is unchanged");
        // the owner's record neither
        long boss = t.call("/api/v1/staff?size=500").get().items().stream()
                .filter(s -> s.getString("username").equals("boss")).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        Reply owner = at("/api/v1/staff/" + boss).token(manager).tenant(t.slug())
                .put(obj("username", "boss", "displayName", "Boss", "roles", List.of("OWNER"), "password", "x-password-x"));
        assertEquals(403, owner.status(), owner::toString);
    }

    @Test
    void outletStaffNeedAnOutletAndAManagerGrantsOnlyOutletRolesAtTheirOwnOutlets() {
        String a = unique("mgra");
        create(a, List.of("MANAGER"), List.of(outletA), null);
        String manager = login(a);
        // the attack: a CASHIER without outlets and a BATCH_OPERATOR (was 201 each)
        Reply noOutlets = at("/api/v1/staff").token(manager).tenant(t.slug())
                .post(member(unique("cas"), List.of("CASHIER"), List.of(), null));
        assertEquals(400, noOutlets.status(), noOutlets::toString);
        assertTrue(fields(noOutlets).contains("outletIds"), noOutlets::toString);
        Reply batch = at("/api/v1/staff").token(manager).tenant(t.slug())
                .post(member(unique("bat"), List.of("BATCH_OPERATOR"), List.of(outletA), null));
        assertEquals(403, batch.status(), batch::toString);
        Reply peer = at("/api/v1/staff").token(manager).tenant(t.slug())
                .post(member(unique("mgr"), List.of("MANAGER"), List.of(outletA), null));
        assertEquals(403, peer.status(), peer::toString);
        Reply elsewhere = at("/api/v1/staff").token(manager).tenant(t.slug())
                .post(member(unique("cas"), List.of("CASHIER"), List.of(outletB), null));
        assertEquals(403, elsewhere.status(), elsewhere::toString);
        // the owner is held to the outlet rule too, but may create a batch operator without outlets
        Reply ownerNoOutlets = t.call("/api/v1/staff").post(member(unique("wai"), List.of("WAITER"), List.of(), null));
        assertEquals(400, ownerNoOutlets.status(), ownerNoOutlets::toString);
        assertEquals(201, t.call("/api/v1/staff").post(member(unique("bat"), List.of("BATCH_OPERATOR"), List.of(), null))
                .status());

        // what a manager may do: outlet staff at their own outlet, and change them there
        String waiter = unique("wai");
        Reply ok = at("/api/v1/staff").token(manager).tenant(t.slug())
                .post(member(waiter, List.of("WAITER", "KITCHEN"), List.of(outletA), null));
        assertEquals(201, ok.status(), ok::toString);
        long waiterId = ok.json().getJsonNumber("id").longValue();
        Reply moved = at("/api/v1/staff/" + waiterId).token(manager).tenant(t.slug())
                .put(member(waiter, List.of("WAITER"), List.of(outletA, outletB), null));
        assertEquals(403, moved.status(), moved::toString);
        Reply changed = at("/api/v1/staff/" + waiterId).token(manager).tenant(t.slug())
                .put(member(waiter, List.of("CASHIER"), List.of(outletA), null));
        assertEquals(200, changed.status(), changed::toString);
    }

    @Test
    void aManagerSeesOnlyTheStaffTheyManageAndThemselves() {
        String a = unique("mgra");
        long aId = create(a, List.of("MANAGER"), List.of(outletA), null);
        String cashier = unique("cas");
        long cashierId = create(cashier, List.of("CASHIER"), List.of(outletA), null);
        String b = unique("mgrb");
        long bId = create(b, List.of("MANAGER"), List.of(outletB), null);
        String shared = unique("cas");
        long sharedId = create(shared, List.of("CASHIER"), List.of(outletA, outletB), null);
        String manager = login(a);
        List<String> names = as(manager, "/api/v1/staff?size=500").items().stream().map(s -> s.getString("username"))
                .toList();
        assertTrue(names.contains(a) && names.contains(cashier), names::toString);
        assertFalse(names.contains(b) || names.contains(shared) || names.contains("boss"), names::toString);
        assertEquals(200, as(manager, "/api/v1/staff/" + aId).status());
        assertEquals(200, as(manager, "/api/v1/staff/" + cashierId).status());
        assertEquals(404, as(manager, "/api/v1/staff/" + bId).status());
        assertEquals(404, as(manager, "/api/v1/staff/" + sharedId).status());
    }

    @Test
    void aPinSignInCarriesOnlyOutletRolesNeverOwnerOrBatchOperator() {
        // the attack: an owner who also works a till signs in with a 4-digit PIN (was an OWNER token)
        create(unique("own"), List.of("OWNER", "CASHIER"), List.of(outletA), "8642");
        Reply pin = at("/api/v1/auth/pin").post(obj("tenant", t.slug(), "outletId", outletA, "pin", "8642"));
        assertEquals(200, pin.status(), pin::toString);
        String token = pin.json().getString("access_token");
        assertEquals(List.of("CASHIER"), Tokens.claims(token).getJsonArray("groups").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(403, at("/api/v1/staff").token(token).tenant(t.slug()).get().status());
        // someone with no outlet role cannot PIN sign in at all
        create(unique("own"), List.of("OWNER"), List.of(outletA), "7531");
        assertEquals(401, at("/api/v1/auth/pin").post(obj("tenant", t.slug(), "outletId", outletA, "pin", "7531")).status());
        create(unique("bat"), List.of("BATCH_OPERATOR"), List.of(outletA), "9753");
        assertEquals(401, at("/api/v1/auth/pin").post(obj("tenant", t.slug(), "outletId", outletA, "pin", "9753")).status());
    }

    @Test
    void aDeactivatedMembersTokenAndARemovedOutletStopWorkingWithinSixtySeconds() {
        String cashier = unique("cas");
        long cashierId = create(cashier, List.of("CASHIER"), List.of(outletA), null);
        String moved = unique("mgr");
        long movedId = create(moved, List.of("MANAGER"), List.of(outletA), null);
        String cashierToken = login(cashier);
        String movedToken = login(moved);
        assertEquals(200, as(cashierToken, "/api/v1/outlets/" + outletA + "/menu").status());
        assertEquals(200, as(movedToken, "/api/v1/outlets/" + outletA + "/stock").status());

        // the finding: a deactivated member's token worked until it expired (8 h)
        Reply off = t.call("/api/v1/staff/" + cashierId).put(obj("username", cashier, "displayName", cashier,
                "roles", List.of("CASHIER"), "outletIds", List.of(outletA), "active", false));
        assertEquals(200, off.status(), off::toString);
        Reply elsewhere = t.call("/api/v1/staff/" + movedId).put(obj("username", moved, "displayName", moved,
                "roles", List.of("MANAGER"), "outletIds", List.of(outletB), "active", true));
        assertEquals(200, elsewhere.status(), elsewhere::toString);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() ->
                as(cashierToken, "/api/v1/outlets/" + outletA + "/menu").status() == 401
                        && as(movedToken, "/api/v1/outlets/" + outletA + "/stock").status() != 200);
        Reply refused = as(cashierToken, "/api/v1/outlets/" + outletA + "/menu");
        assertEquals("authentication", refused.kind(), refused::toString);
        // the moved manager's old token granted outlet A only, which the record no longer has: it grants nothing there
        assertNotEquals(200, as(movedToken, "/api/v1/outlets/" + outletB + "/stock").status());
        assertEquals(401, at("/api/v1/auth/token").post(obj("tenant", t.slug(), "username", cashier,
                "password", cashier + "-password")).status());
    }

    @Test
    void anotherTenantsManagerCannotReadOrChangeThisTenantsStaffById() {
        String victim = unique("cas");
        long victimId = create(victim, List.of("CASHIER"), List.of(outletA), null);
        TestTenant other = Api.newTenant("staffrules_b");
        long otherOutlet = Api.createOutlet(other, "Gamma").getJsonNumber("id").longValue();
        String otherManager = unique("mgr");
        assertEquals(201, other.call("/api/v1/staff").post(member(otherManager, List.of("MANAGER"), List.of(otherOutlet),
                null)).status());
        String token = Api.login(other.slug(), otherManager, otherManager + "-password");
        JsonObject takeover = member(victim, List.of("CASHIER"), List.of(otherOutlet), null);
        // in its own tenant the id is unknown; naming this tenant is a tenant-isolation refusal
        assertEquals(404, at("/api/v1/staff/" + victimId).token(token).tenant(other.slug()).get().status());
        assertEquals(404, at("/api/v1/staff/" + victimId).token(other.ownerToken()).tenant(other.slug()).put(takeover).status());
        Reply isolation = at("/api/v1/staff/" + victimId).token(token).tenant(t.slug()).put(takeover);
        assertEquals(403, isolation.status(), isolation::toString);
        assertEquals("tenant-isolation", isolation.kind(), isolation::toString);
        assertEquals(List.of(outletA), record(victimId).getJsonArray("outletIds").getValuesAs(jakarta.json.JsonNumber.class)
                .stream().map(jakarta.json.JsonNumber::longValue).toList());
    }
}
