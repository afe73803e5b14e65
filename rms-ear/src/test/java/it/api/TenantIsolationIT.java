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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenant B can never read or change tenant A's data: by id, by list, through headers that name the
 * other tenant, and under concurrent mixed-tenant load (pooled connections are reused across tenants).
 */
class TenantIsolationIT {

    static TestTenant a;
    static TestTenant b;
    static long outletA;
    static long outletB;

    @BeforeAll
    static void twoChainsWithTheSameData() {
        a = Api.newTenant("isoa");
        b = Api.newTenant("isob");
        outletA = Api.createOutlet(a, "Harbour").getJsonNumber("id").longValue();
        outletB = Api.createOutlet(b, "Harbour").getJsonNumber("id").longValue();
        assertEquals(201, a.call("/api/v1/outlets/" + outletA + "/tables").post(obj("label", "A1", "seats", 4)).status());
        assertEquals(201, b.call("/api/v1/outlets/" + outletB + "/tables").post(obj("label", "B1", "seats", 2)).status());
    }

    @Test
    void aHeaderNamingAnotherTenantIsATenantIsolationProblem() {
        Reply reply = at("/api/v1/outlets").token(a.ownerToken()).tenant(b.slug()).get();
        assertEquals(403, reply.status(), reply::toString);
        assertEquals("tenant-isolation", reply.kind());
        assertFalse(reply.body().contains("B1"));
        Reply write = at("/api/v1/outlets").token(a.ownerToken()).tenant(b.slug())
                .post(obj("name", "Intruder", "timezone", "UTC", "currency", "EUR"));
        assertEquals(403, write.status());
        assertEquals(1, b.call("/api/v1/outlets").get().json().getInt("total"), "nothing was written into B");
    }

    @Test
    void anotherTenantsIdsAreNotFoundForReadsAndWrites() {
        assertEquals(404, a.call("/api/v1/outlets/" + outletB).get().status());
        assertEquals(404, a.call("/api/v1/outlets/" + outletB + "/tables").get().status());
        assertEquals(404, a.call("/api/v1/outlets/" + outletB).put(obj("name", "Hijacked", "timezone", "UTC", "currency", "EUR")).status());
        assertEquals(404, a.call("/api/v1/outlets/" + outletB + "/tables").post(obj("label", "X", "seats", 1)).status());
        assertEquals("Harbour", b.call("/api/v1/outlets/" + outletB).get().json().getString("name"));

        long staffB = b.call("/api/v1/staff").get().items().get(0).getJsonNumber("id").longValue();
        assertEquals(404, a.call("/api/v1/staff/" + staffB).get().status());
    }

    @Test
    void listsOnlyHoldTheCallersTenant() {
        List<JsonObject> outlets = a.call("/api/v1/outlets").get().items();
        assertEquals(1, outlets.size());
        assertEquals(outletA, outlets.get(0).getJsonNumber("id").longValue());
        List<JsonObject> tables = a.call("/api/v1/outlets/" + outletA + "/tables").get().array().getValuesAs(JsonObject.class);
        assertEquals(List.of("A1"), tables.stream().map(t -> t.getString("label")).toList());
        assertTrue(a.call("/api/v1/staff").get().items().stream().allMatch(s -> s.getString("username").equals("boss")));
    }

    @Test
    void theAuditTrailHoldsOnlyTheTenantsOwnEvents() {
        List<JsonObject> trailA = a.call("/api/v1/audit?size=500").get().items();
        assertTrue(trailA.stream().allMatch(e -> !e.getString("target", "").contains(b.slug())), trailA::toString);
        assertTrue(trailA.stream().anyMatch(e -> e.getString("target", "").equals("tenant:" + a.slug())));
        assertEquals(403, at("/api/v1/audit").token(a.ownerToken()).tenant(b.slug()).get().status());
        assertTrue(b.call("/api/v1/audit/verify").get().json().getBoolean("valid"));
    }

    @Test
    void aPlatformAdminMayNameAnyTenantButAnUnknownOneIsNotFound() {
        String admin = Api.adminToken();
        assertEquals(outletB, at("/api/v1/outlets").token(admin).tenant(b.slug()).get().items().get(0)
                .getJsonNumber("id").longValue());
        assertEquals(404, at("/api/v1/outlets").token(admin).tenant("no_such_chain").get().status());
    }

    @Test
    void concurrentMixedTenantReadsNeverSeeTheOtherTenant() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> work = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                TestTenant t = i % 2 == 0 ? a : b;
                String expectedTable = t == a ? "A1" : "B1";
                String otherTable = t == a ? "B1" : "A1";
                long outlet = t == a ? outletA : outletB;
                work.add(() -> {
                    Reply r = t.call("/api/v1/outlets/" + outlet + "/tables").get();
                    if (r.status() != 200 || !r.body().contains(expectedTable) || r.body().contains(otherTable)) {
                        return t.slug() + " saw " + r;
                    }
                    return null;
                });
            }
            List<String> failures = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(work, 120, TimeUnit.SECONDS)) {
                if (f.get() != null) {
                    failures.add(f.get());
                }
            }
            assertEquals(List.of(), failures);
        } finally {
            pool.shutdownNow();
        }
    }
}
