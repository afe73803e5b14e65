package it.api;

import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

import it.Api;
import it.Api.Reply;
import it.Api.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A chain with one outlet selling one dish, orders of it, and card payments of them, for the card ITs. */
final class CardOrders {

    final TestTenant tenant;
    final long outlet;
    final long dish;

    CardOrders(String prefix) {
        tenant = Api.newTenant(prefix);
        long vat = id(tenant.call("/api/v1/tax-rates").post(obj("name", "VAT 19", "rate", new BigDecimal("19.0"), "inclusive", true)));
        long mains = id(tenant.call("/api/v1/menu/categories").post(obj("name", "Mains", "sortOrder", 1)));
        outlet = Api.createOutlet(tenant, "Card Street").getJsonNumber("id").longValue();
        dish = id(tenant.call("/api/v1/menu/items").post(obj("sku", "CARD-1", "name", "Schnitzel", "categoryId", mains,
                "price", new BigDecimal("12.50"), "taxRateId", vat, "station", "GRILL",
                "modifierGroups", Json.createArrayBuilder().build())));
    }

    private static long id(Reply reply) {
        if (reply.status() != 201) {
            throw new IllegalStateException("setup failed: " + reply);
        }
        return reply.json().getJsonNumber("id").longValue();
    }

    /** A new open takeaway order of one dish. */
    JsonObject order() {
        Reply reply = tenant.call("/api/v1/orders").header("Idempotency-Key", UUID.randomUUID().toString())
                .post(obj("outletId", outlet, "channel", "TAKEAWAY", "lines",
                        Json.createArrayBuilder().add(obj("menuItemId", dish, "quantity", 1, "modifierIds", List.of())).build()));
        assertEquals(201, reply.status(), reply::toString);
        return reply.json();
    }

    static long id(JsonObject order) {
        return order.getJsonNumber("id").longValue();
    }

    static BigDecimal total(JsonObject order) {
        return order.getJsonNumber("total").bigDecimalValue();
    }

    Reply pay(JsonObject order, String token, String idempotencyKey) {
        return tenant.call("/api/v1/orders/" + id(order) + "/payments").header("Idempotency-Key", idempotencyKey)
                .post(obj("method", "CARD", "amount", total(order), "cardToken", token));
    }

    JsonObject get(JsonObject order) {
        Reply reply = tenant.call("/api/v1/orders/" + id(order)).get();
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    /** The card provider the server reports: {provider, url?, circuit}. */
    static JsonObject provider() {
        Reply status = Api.at("/api/v1/system/status").token(Api.adminToken()).get();
        assertEquals(200, status.status(), status::toString);
        return status.json().getJsonObject("cardPayments");
    }

    /** This tenant's circuit with the provider that serves it (CLOSED, OPEN, HALF_OPEN), as the platform admin reads it. */
    String circuit() {
        Reply settings = Api.at("/api/v1/tenants/" + tenant.slug() + "/payment-provider").token(Api.adminToken()).get();
        assertEquals(200, settings.status(), settings::toString);
        return settings.json().getString("circuit");
    }

    /** The payment-circuit readiness check and the HTTP status of /health/ready. */
    static JsonObject readiness() {
        Reply ready = Api.at("/health/ready").get();
        JsonObject check = ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("payment-circuit")).findFirst().orElseThrow();
        return Json.createObjectBuilder(check).add("httpStatus", ready.status()).build();
    }

    /** Whether a problem answer names the reason (code or message) somewhere in its text. */
    static boolean mentions(Reply reply, String... words) {
        String body = reply.body().toLowerCase(java.util.Locale.ROOT);
        for (String w : words) {
            if (body.contains(w.toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
