package it.api;

import static it.Api.at;
import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.Api.TestTenant;
import org.junit.jupiter.api.Test;

/** Provisioning, listing, suspending and resuming tenants. */
class TenantsIT {

    @Test
    void provisioningCreatesAReadyTenantWithItsOwner() {
        String admin = Api.adminToken();
        String slug = "prov_" + System.nanoTime() % 1_000_000_000L;
        Reply created = at("/api/v1/tenants").token(admin).post(obj("slug", slug, "name", "Pizza Chain",
                "currency", "USD", "timezone", "America/New_York",
                "owner", obj("username", "mario", "password", "it-s-a-me-123")));
        assertEquals(201, created.status(), created::toString);
        assertTrue(created.header("Location").endsWith("/api/v1/tenants/" + slug));
        assertEquals("ACTIVE", created.json().getString("status"));
        assertEquals("USD", created.json().getString("currency"));

        String owner = Api.login(slug, "mario", "it-s-a-me-123");
        assertEquals(0, at("/api/v1/outlets").token(owner).tenant(slug).get().json().getInt("total"));
        assertEquals(slug, at("/api/v1/tenants/" + slug).token(admin).get().json().getString("slug"));

        Reply again = at("/api/v1/tenants").token(admin).post(obj("slug", slug, "name", "Copy", "currency", "USD",
                "timezone", "UTC", "owner", obj("username", "xy", "password", "long-enough")));
        assertEquals(409, again.status(), again::toString);
        assertEquals("conflict", again.kind());
    }

    @Test
    void invalidProvisioningRequestsChangeNothing() {
        String admin = Api.adminToken();
        long before = at("/api/v1/tenants?size=1").token(admin).get().json().getJsonNumber("total").longValue();
        Reply reply = at("/api/v1/tenants").token(admin).post(obj("slug", "Bad Slug!", "name", "", "currency", "XXXX",
                "timezone", "Nowhere", "owner", obj("username", "a", "password", "short")));
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.json().getJsonArray("errors").size() >= 5, reply::toString);
        assertEquals(before, at("/api/v1/tenants?size=1").token(admin).get().json().getJsonNumber("total").longValue());
    }

    @Test
    void onlyThePlatformAdminManagesTenants() {
        TestTenant t = Api.newTenant("own");
        assertEquals(403, at("/api/v1/tenants").token(t.ownerToken()).get().status());
        assertEquals(403, at("/api/v1/tenants").token(t.ownerToken()).post(obj("slug", "sneaky")).status());
    }

    @Test
    void aSuspendedTenantCannotSignInOrWorkUntilResumed() {
        TestTenant t = Api.newTenant("susp");
        String admin = Api.adminToken();
        assertEquals("SUSPENDED", at("/api/v1/tenants/" + t.slug() + "/suspend").token(admin).post(null).json().getString("status"));
        Reply blocked = t.call("/api/v1/outlets").get();
        assertEquals(403, blocked.status(), blocked::toString);
        assertEquals(401, at("/api/v1/auth/token").post(obj("tenant", t.slug(), "username", "boss", "password", "boss-password")).status());

        assertEquals("ACTIVE", at("/api/v1/tenants/" + t.slug() + "/resume").token(admin).post(null).json().getString("status"));
        assertEquals(200, t.call("/api/v1/outlets").get().status());
    }

    @Test
    void tenantsAreListedInPages() {
        Api.newTenant("page");
        Api.newTenant("page");
        Reply page = at("/api/v1/tenants?page=0&size=1").token(Api.adminToken()).get();
        assertEquals(200, page.status());
        assertEquals(1, page.items().size());
        assertEquals(1, page.json().getInt("size"));
        assertTrue(page.json().getJsonNumber("total").longValue() >= 3);
        assertEquals(400, at("/api/v1/tenants?size=501").token(Api.adminToken()).get().status());
    }
}
