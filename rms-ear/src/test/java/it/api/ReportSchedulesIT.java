package it.api;

import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.Shop;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Report schedules over HTTP (issue 11): created, listed, changed, disabled and deleted; the next run
 * in the schedule's zone; cron, zone, job and parameters checked (more often than every 5 minutes:
 * 400); cashiers refused; a manager schedules only their outlets; another tenant sees none of them.
 */
class ReportSchedulesIT {

    static Shop shop;
    static Shop other;

    @BeforeAll
    static void shops() {
        shop = Shop.open("schedules");
        other = Shop.open("schedulesb");
    }

    private static Reply create(String token, String tenant, JsonObject body) {
        return Api.at("/api/v1/reports/schedules").token(token).tenant(tenant).post(body);
    }

    private static JsonObject nightly(String cron) {
        return obj("job", "daily-sales", "cron", cron, "timezone", "Europe/Berlin");
    }

    @Test
    void aScheduleIsCreatedChangedDisabledAndDeleted() {
        Reply created = create(shop.tenant.ownerToken(), shop.tenant.slug(), nightly("0 3 * * *"));
        assertEquals(201, created.status(), created::toString);
        JsonObject schedule = created.json();
        long id = schedule.getJsonNumber("id").longValue();
        assertTrue(created.header("Location").endsWith("/api/v1/reports/schedules/" + id), created.header("Location"));
        assertTrue(schedule.getBoolean("enabled"));
        assertFalse(schedule.containsKey("lastRunId"), "no run yet");
        ZonedDateTime next = OffsetDateTime.parse(schedule.getString("nextRunAt")).atZoneSameInstant(ZoneId.of("Europe/Berlin"));
        assertEquals(3, next.getHour());
        assertEquals(0, next.getMinute());
        assertTrue(next.toInstant().isAfter(java.time.Instant.now()));
        assertTrue(next.toInstant().isBefore(java.time.Instant.now().plus(java.time.Duration.ofHours(25))));

        assertEquals(id, shop.tenant.call("/api/v1/reports/schedules/" + id).get().json().getJsonNumber("id").longValue());
        assertTrue(shop.tenant.call("/api/v1/reports/schedules").get().items().stream()
                .anyMatch(s -> s.getJsonNumber("id").longValue() == id));

        Reply changed = shop.tenant.call("/api/v1/reports/schedules/" + id).put(obj("job", "daily-sales",
                "cron", "30 4 * * 1-5", "timezone", "America/New_York", "enabled", true));
        assertEquals(200, changed.status(), changed::toString);
        ZonedDateTime weekday = OffsetDateTime.parse(changed.json().getString("nextRunAt"))
                .atZoneSameInstant(ZoneId.of("America/New_York"));
        assertEquals(4, weekday.getHour());
        assertEquals(30, weekday.getMinute());
        assertTrue(weekday.getDayOfWeek().getValue() <= 5, weekday::toString);

        Reply disabled = shop.tenant.call("/api/v1/reports/schedules/" + id).put(obj("job", "daily-sales",
                "cron", "30 4 * * 1-5", "timezone", "America/New_York", "enabled", false));
        assertEquals(200, disabled.status(), disabled::toString);
        assertFalse(disabled.json().getBoolean("enabled"));
        assertFalse(disabled.json().containsKey("nextRunAt"), disabled::toString);

        // another tenant: 404 by id for read, change and delete, and an empty list
        String b = other.tenant.slug();
        String bt = other.tenant.ownerToken();
        assertEquals(404, Api.at("/api/v1/reports/schedules/" + id).token(bt).tenant(b).get().status());
        assertEquals(404, Api.at("/api/v1/reports/schedules/" + id).token(bt).tenant(b).put(nightly("0 5 * * *")).status());
        assertEquals(404, Api.at("/api/v1/reports/schedules/" + id).token(bt).tenant(b).delete().status());
        assertEquals(0, Api.at("/api/v1/reports/schedules").token(bt).tenant(b).get().json().getInt("total"));
        assertEquals(400, create(bt, b, obj("job", "daily-sales", "cron", "0 3 * * *", "parameters",
                obj("outletIds", List.of(shop.outlet)))).status());

        assertEquals(204, shop.tenant.call("/api/v1/reports/schedules/" + id).delete().status());
        assertEquals(404, shop.tenant.call("/api/v1/reports/schedules/" + id).get().status());
    }

    @Test
    void badSchedulesAreRefusedWithTheFieldNamed() {
        String slug = shop.tenant.slug();
        String owner = shop.tenant.ownerToken();
        for (String cron : List.of("* * * * *", "*/2 * * * *", "0,1 3 * * *", "0 3 * *", "61 3 * * *", "nightly")) {
            Reply r = create(owner, slug, nightly(cron));
            assertEquals(400, r.status(), () -> cron + ": " + r);
            assertEquals("cron", r.json().getJsonArray("errors").getJsonObject(0).getString("field"), r::toString);
        }
        assertEquals(201, create(owner, slug, nightly("*/5 * * * *")).status(), "every 5 minutes is allowed");
        assertField(create(owner, slug, obj("job", "daily-sales", "cron", "0 3 * * *", "timezone", "Mars/Olympus")),
                "timezone");
        assertField(create(owner, slug, obj("job", "labour", "cron", "0 3 * * *")), "job");
        assertField(create(owner, slug, obj("job", "nightly-magic", "cron", "0 3 * * *")), "job");
        assertField(create(owner, slug, obj("job", "daily-sales", "cron", "0 3 * * *", "parameters",
                obj("businessDate", "2026-12-01"))), "parameters.businessDate");
        Reply malformed = Api.at("/api/v1/reports/schedules").token(owner).tenant(slug).send("POST", "{\"job\": ");
        assertEquals(400, malformed.status(), malformed::toString);
        assertEquals(403, create(shop.cashier, slug, nightly("0 3 * * *")).status());
        assertEquals(403, Api.at("/api/v1/reports/schedules").token(shop.cashier).tenant(slug).get().status());
    }

    @Test
    void aManagerSchedulesOnlyTheirOutlets() {
        String slug = shop.tenant.slug();
        assertField(create(shop.manager, slug, nightly("0 3 * * *")), "parameters.outletIds");
        Reply mine = create(shop.manager, slug, obj("job", "daily-sales", "cron", "0 3 * * *", "parameters",
                obj("outletIds", List.of(shop.outlet))));
        assertEquals(201, mine.status(), mine::toString);
        assertEquals(List.of(shop.outlet), mine.json().getJsonObject("parameters").getJsonArray("outletIds")
                .getValuesAs(jakarta.json.JsonNumber.class).stream().map(n -> n.longValue()).toList());
        // the tenant's zone when none is given
        assertEquals("Europe/Berlin", mine.json().getString("timezone"));
        assertNotNull(mine.json().getString("nextRunAt"));
    }

    private static void assertField(Reply reply, String field) {
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getString("field").equals(field)), () -> field + " in " + reply);
    }
}
