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
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Staff accounts, their PINs and roles, and the hash-chained audit trail that records them. */
class StaffAndAuditIT {

    static TestTenant t;
    static long outlet;

    @BeforeAll
    static void tenant() {
        t = Api.newTenant("staff");
        outlet = Api.createOutlet(t, "Central").getJsonNumber("id").longValue();
    }

    private static JsonObject staff(String username, String role, String pin) {
        return obj("username", username, "displayName", username.toUpperCase(), "roles", List.of(role),
                "outletIds", List.of(outlet), "pin", pin, "password", username + "-password",
                "hourlyRate", new java.math.BigDecimal("14.50"), "active", true);
    }

    @Test
    void staffAreCreatedWithoutEverShowingHashesAndCanSignIn() {
        Reply created = t.call("/api/v1/staff").post(staff("mia", "CASHIER", "4321"));
        assertEquals(201, created.status(), created::toString);
        assertTrue(created.json().getBoolean("hasPin"));
        assertFalse(created.body().contains("hash"));
        assertFalse(created.body().contains("4321"));
        assertEquals(200, at("/api/v1/auth/pin").post(obj("tenant", t.slug(), "outletId", outlet, "pin", "4321")).status());
        assertEquals(200, at("/api/v1/auth/token").post(obj("tenant", t.slug(), "username", "mia", "password", "mia-password")).status());
    }

    @Test
    void aPinIsUniqueAtAnOutletAndUsernamesAreUnique() {
        assertEquals(201, t.call("/api/v1/staff").post(staff("leo", "WAITER", "5555")).status());
        Reply samePin = t.call("/api/v1/staff").post(staff("zoe", "WAITER", "5555"));
        assertEquals(409, samePin.status(), samePin::toString);
        Reply sameName = t.call("/api/v1/staff").post(staff("leo", "WAITER", "6666"));
        assertEquals(409, sameName.status(), sameName::toString);
    }

    @Test
    void invalidStaffAreRejectedField() {
        Reply reply = t.call("/api/v1/staff").post(obj("username", "x y", "displayName", "", "roles", List.of("PLATFORM_ADMIN"),
                "outletIds", List.of(99999999L), "pin", "12", "hourlyRate", new java.math.BigDecimal("-1")));
        assertEquals(400, reply.status(), reply::toString);
        var fields = reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).toList();
        assertTrue(fields.containsAll(List.of("username", "displayName", "roles", "outletIds", "pin", "hourlyRate")), fields::toString);
    }

    @Test
    void aManagerCannotCreateOrChangeAnOwner() {
        assertEquals(201, t.call("/api/v1/staff").post(staff("max", "MANAGER", null)).status());
        String manager = Api.login(t.slug(), "max", "max-password");
        Reply reply = at("/api/v1/staff").token(manager).tenant(t.slug()).post(staff("eve", "OWNER", null));
        assertEquals(403, reply.status(), reply::toString);
        long bossId = t.call("/api/v1/staff").get().items().stream().filter(s -> s.getString("username").equals("boss"))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
        Reply demote = at("/api/v1/staff/" + bossId).token(manager).tenant(t.slug()).put(obj("username", "boss",
                "displayName", "Boss", "roles", List.of("WAITER")));
        assertEquals(403, demote.status(), demote::toString);
    }

    @Test
    void roleChangesAndSignInsAreInTheAuditTrailWhoseChainVerifies() {
        Reply created = t.call("/api/v1/staff").post(staff("ada", "WAITER", null));
        long id = created.json().getJsonNumber("id").longValue();
        Reply updated = t.call("/api/v1/staff/" + id).put(obj("username", "ada", "displayName", "Ada", "roles",
                List.of("WAITER", "CASHIER"), "outletIds", List.of(outlet)));
        assertEquals(200, updated.status(), updated::toString);
        List<String> actions = t.call("/api/v1/audit?size=500").get().items().stream().map(a -> a.getString("action")).toList();
        assertTrue(actions.containsAll(List.of("tenant.provisioned", "auth.login", "staff.created", "staff.roles.changed")), actions::toString);
        JsonObject verification = t.call("/api/v1/audit/verify").get().json();
        assertTrue(verification.getBoolean("valid"), verification::toString);
        assertTrue(verification.getJsonNumber("entries").longValue() >= 4);
    }
}
