package it.api;

import static it.Api.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.Api.TestTenant;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The exception destinations for operators, black box: who may see and re-drive what (a chain's
 * owner its own tenant's messages, the platform admin everyone's), problem+json for bad input, and
 * (PostgreSQL phase) a side effect the consumer refused, listed with its reason, invisible and
 * untouchable for another tenant, re-driven once its cause is fixed and applied exactly once.
 */
class ExceptionMessagesIT {

    static TestTenant mine;
    static TestTenant theirs;

    @BeforeAll
    static void twoChains() {
        mine = Api.newTenant("exm");
        theirs = Api.newTenant("exo");
    }

    static boolean eventually(long seconds, Supplier<Boolean> check) {
        return SideEffectsIT.eventually(seconds, check);
    }

    @Test
    void anOwnerSeesOnlyTheirTenantAndBadInputIsAProblem() {
        Reply list = mine.call("/api/v1/exception-messages").get();
        assertEquals(200, list.status(), list::toString);
        assertEquals(0, list.json().getInt("total"), "a new chain has no failed side effects");
        assertEquals(0, list.json().getInt("page"));

        Reply unknown = mine.call("/api/v1/exception-messages/C0FFEE0000000000000000000000000000000001").get();
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals("not-found", unknown.kind());
        assertTrue(unknown.header("Content-Type").startsWith("application/problem+json"), unknown.header("Content-Type"));
        Reply redriveUnknown = mine.call("/api/v1/exception-messages/C0FFEE0000000000000000000000000000000001/redrive")
                .post(null);
        assertEquals(404, redriveUnknown.status(), redriveUnknown::toString);
        // an id that could never be one (selector syntax) is just as unknown, and is never read as a selector
        Reply injected = mine.call("/api/v1/exception-messages/x'%20OR%20'1'='1/redrive").post(null);
        assertEquals(404, injected.status(), injected::toString);
        Reply badQueue = mine.call("/api/v1/exception-messages?queue=RMS.Nothing").get();
        assertEquals(400, badQueue.status(), badQueue::toString);
        assertEquals("validation", badQueue.kind());
        assertEquals("queue", badQueue.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Reply badPage = mine.call("/api/v1/exception-messages?size=501").get();
        assertEquals(400, badPage.status(), badPage::toString);

        assertEquals(400, at("/api/v1/exception-messages").token(mine.ownerToken()).get().status(), "no tenant header");
        Reply other = at("/api/v1/exception-messages").token(mine.ownerToken()).tenant(theirs.slug()).get();
        assertEquals(403, other.status(), other::toString);
        assertEquals("tenant-isolation", other.kind());
        Reply cashier = at("/api/v1/exception-messages").token(Api.login("demo", "cashier", "cashier-demo"))
                .tenant("demo").get();
        assertEquals(403, cashier.status(), "the owner's, not the staff's: " + cashier);
        Reply manager = at("/api/v1/exception-messages").token(Api.login("demo", "manager", "manager-demo"))
                .tenant("demo").get();
        assertEquals(403, manager.status(), manager::toString);
        assertEquals(401, at("/api/v1/exception-messages").tenant("demo").get().status());
    }

    @Test
    void theSystemViewIsThePlatformAdminsAndCanBeNarrowedToATenantAndAQueue() {
        String admin = Api.adminToken();
        Reply all = at("/api/v1/system/exception-messages").token(admin).get();
        assertEquals(200, all.status(), all::toString);
        Reply narrowed = at("/api/v1/system/exception-messages?tenant=" + mine.slug() + "&queue=RMS.Inventory")
                .token(admin).get();
        assertEquals(200, narrowed.status(), narrowed::toString);
        assertEquals(0, narrowed.json().getInt("total"));
        Reply redriven = at("/api/v1/system/exception-messages/redrive?tenant=" + mine.slug()).token(admin).post(null);
        assertEquals(200, redriven.status(), redriven::toString);
        assertEquals(0, redriven.json().getInt("redriven"));
        Reply badTenant = at("/api/v1/system/exception-messages?tenant=Not%20A%20Slug").token(admin).get();
        assertEquals(400, badTenant.status(), badTenant::toString);
        assertEquals("validation", badTenant.kind());
        assertEquals(404, at("/api/v1/system/exception-messages/C0FFEE01").token(admin).get().status());
        assertEquals(403, at("/api/v1/system/exception-messages").token(mine.ownerToken()).get().status(),
                "an owner does not see all tenants' messages");
        // the platform admin may name any tenant in the tenant view, as everywhere
        assertEquals(200, at("/api/v1/exception-messages").token(admin).tenant(mine.slug()).get().status());

        JsonObject depths = at("/api/v1/system/status").token(admin).get().json().getJsonObject("queueDepths");
        for (String queue : List.of("RMS.Inventory", "RMS.Analytics", "RMS.Loyalty")) {
            assertTrue(depths.containsKey(queue + ".Exception"), "the status counts " + queue + ".Exception: " + depths);
        }
        JsonObject paths = at("/openapi").header("Accept", "application/json").get().json().getJsonObject("paths");
        for (String path : List.of("/api/v1/exception-messages", "/api/v1/exception-messages/{id}/redrive",
                "/api/v1/system/exception-messages", "/api/v1/system/exception-messages/{id}/redrive",
                "/api/v1/system/exception-messages/redrive")) {
            assertTrue(paths.containsKey(path), "OpenAPI lacks " + path);
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getenv("RMS_DB_URL"), System.getenv("RMS_DB_USER"),
                System.getenv("RMS_DB_PASSWORD") == null ? "" : System.getenv("RMS_DB_PASSWORD"));
    }

    private static long points(TestTenant tenant, long customerId) {
        try (Connection db = database(); PreparedStatement q = db.prepareStatement("select points from t_" + tenant.slug()
                + ".customer where id = ?")) {
            q.setLong(1, customerId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonObject> listed(TestTenant tenant) {
        Reply list = tenant.call("/api/v1/exception-messages?queue=RMS.Loyalty").get();
        assertEquals(200, list.status(), list::toString);
        return list.items();
    }

    /**
     * A completed sale that names a customer the chain does not have (yet): the loyalty consumer
     * refuses it at once with the reason, into RMS.Loyalty.Exception. The event is written into the
     * tenant's outbox directly, which needs the database the server uses: PostgreSQL (CI's second phase).
     */
    @Test
    @Tag("postgresql")
    void aRefusedEventIsListedForItsTenantOnlyAndReDrivenOnceItsCauseIsFixedAppliedOnce() throws Exception {
        assertEquals("postgresql", System.getenv("RMS_DB"), "runs in the PostgreSQL phase only (tag postgresql)");
        String eventId = UUID.randomUUID().toString();
        long customerId;
        try (Connection db = database()) {
            try (PreparedStatement next = db.prepareStatement("select nextval('rms_control.rms_id_seq')");
                    ResultSet rs = next.executeQuery()) {
                rs.next();
                customerId = rs.getLong(1);
            }
            try (PreparedStatement insert = db.prepareStatement("insert into t_" + mine.slug() + ".outbox (id, event_id, "
                    + "event_type, aggregate_id, queues, payload, attempts, created_at) values "
                    + "(nextval('rms_control.rms_id_seq'), ?, 'order.completed', 'order:1', 'RMS.Loyalty', ?, 0, "
                    + "now() - interval '1 minute')")) {
                insert.setString(1, eventId);
                insert.setString(2, "{\"orderId\":1,\"outletId\":1,\"number\":\"1\",\"customerId\":" + customerId
                        + ",\"total\":12.50,\"lines\":[{\"lineId\":1,\"menuItemId\":1,\"quantity\":1,\"net\":12.50,"
                        + "\"tax\":0,\"gross\":12.50}],\"eventId\":\"" + eventId + "\",\"tenant\":\"" + mine.slug() + "\"}");
                assertEquals(1, insert.executeUpdate());
            }
        }
        assertTrue(eventually(60, () -> listed(mine).stream().anyMatch(m -> eventId.equals(m.getString("eventId", null)))),
                () -> "not in RMS.Loyalty.Exception: " + listed(mine));
        JsonObject failed = listed(mine).stream().filter(m -> eventId.equals(m.getString("eventId"))).findFirst().orElseThrow();
        String id = failed.getString("id");
        assertEquals("RMS.Loyalty", failed.getString("queue"));
        assertEquals("RMS.Loyalty.Exception", failed.getString("exceptionQueue"));
        assertEquals(mine.slug(), failed.getString("tenant"));
        assertEquals("order.completed", failed.getString("eventType"));
        assertTrue(failed.getString("reason").contains("not a customer of this tenant"), failed::toString);
        assertEquals(1, failed.getInt("attempts"), "refused at once: it can never be applied as it is");
        assertFalse(failed.getString("failedAt").isBlank());
        assertEquals(200, mine.call("/api/v1/exception-messages/" + id).get().status());

        // isolation: the other chain's owner neither sees nor re-drives it; the platform admin sees it
        assertTrue(listed(theirs).stream().noneMatch(m -> eventId.equals(m.getString("eventId", null))));
        assertEquals(404, theirs.call("/api/v1/exception-messages/" + id).get().status());
        Reply stolen = theirs.call("/api/v1/exception-messages/" + id + "/redrive").post(null);
        assertEquals(404, stolen.status(), stolen::toString);
        assertEquals(0, theirs.call("/api/v1/exception-messages/redrive").post(null).json().getInt("redriven"));
        assertTrue(at("/api/v1/system/exception-messages?tenant=" + mine.slug()).token(Api.adminToken()).get().items()
                .stream().anyMatch(m -> id.equals(m.getString("id"))));

        // the cause is fixed (the customer exists now), the owner re-drives: the points are booked
        try (Connection db = database(); PreparedStatement customer = db.prepareStatement("insert into t_" + mine.slug()
                + ".customer (id, name, email, created_at, updated_at) values (?, 'Late Lisa', ?, now(), now())")) {
            customer.setLong(1, customerId);
            customer.setString(2, "lisa-" + customerId + "@example.org");
            assertEquals(1, customer.executeUpdate());
        }
        Reply redriven = mine.call("/api/v1/exception-messages/" + id + "/redrive").post(null);
        assertEquals(200, redriven.status(), redriven::toString);
        assertEquals(eventId, redriven.json().getString("eventId"));
        assertTrue(eventually(30, () -> points(mine, customerId) == 12), () -> "points " + points(mine, customerId));
        assertEquals(404, mine.call("/api/v1/exception-messages/" + id + "/redrive").post(null).status(), "moved once");
        assertTrue(listed(mine).stream().noneMatch(m -> eventId.equals(m.getString("eventId", null))));

        // the same event delivered once more (the outbox row sent again) changes nothing
        try (Connection db = database(); PreparedStatement again = db.prepareStatement("update t_" + mine.slug()
                + ".outbox set published_at = null where event_id = ?")) {
            again.setString(1, eventId);
            assertEquals(1, again.executeUpdate());
        }
        assertTrue(eventually(60, () -> {
            try (Connection db = database(); PreparedStatement q = db.prepareStatement("select count(*) from t_"
                    + mine.slug() + ".outbox where event_id = ? and published_at is not null")) {
                q.setString(1, eventId);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() && rs.getInt(1) == 1;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }), "the sweep sent it again");
        assertFalse(eventually(5, () -> points(mine, customerId) != 12), "points booked twice");
        assertEquals(new BigDecimal(12).longValue(), points(mine, customerId));
        assertTrue(listed(mine).isEmpty(), "nothing failed the second time");
    }
}
