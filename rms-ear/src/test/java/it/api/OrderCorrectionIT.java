package it.api;

import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api.Reply;
import it.Shop;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Corrections of an order over HTTP: re-opening a paid order (a manager's; its side effects are
 * reversed and applied again on the next completion), closing a re-opened order with nothing left
 * to pay, discounts and the customer on an open order, and another tenant touching none of it.
 */
class OrderCorrectionIT {

    static Shop shop;
    static Shop other;

    @BeforeAll
    static void shops() {
        shop = Shop.open("fix");
        other = Shop.open("fixo");
        shop.openDrawer(new BigDecimal("100.00"));
    }

    static BigDecimal money(JsonObject o, String field) {
        return o.getJsonNumber(field).bigDecimalValue();
    }

    static long id(JsonObject o) {
        return o.getJsonNumber("id").longValue();
    }

    /** A burger (rare) and a lemonade, for the customer (or none), paid in cash. */
    static JsonObject paidSale(Shop shop, Long customerId) {
        JsonObjectBuilder body = Json.createObjectBuilder(shop.orderBody("TAKEAWAY", null, shop.burgerLine(1, shop.rare),
                shop.lemonadeLine(1)));
        if (customerId != null) {
            body.add("customerId", customerId);
        }
        Reply created = shop.order(body.build());
        assertEquals(201, created.status(), created::toString);
        long id = id(created.json());
        BigDecimal total = money(created.json(), "total");
        Reply paid = shop.pay(id, obj("method", "CASH", "amount", total, "tendered", total));
        assertEquals(201, paid.status(), paid::toString);
        return order(shop, id);
    }

    static JsonObject order(Shop shop, long id) {
        Reply r = shop.as(shop.cashier, "/api/v1/orders/" + id).get();
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    static boolean eventually(Supplier<Boolean> check) {
        return SideEffectsIT.eventually(30, check);
    }

    /** Re-opens as the cashier with the manager's PIN, waiting while the sale's side effects are still being applied (409). */
    static Reply reopen(Shop shop, long id, String pin) {
        Reply[] last = new Reply[1];
        eventually(() -> {
            last[0] = shop.as(shop.cashier, "/api/v1/orders/" + id + "/reopen")
                    .post(obj("reason", "forgot the dessert", "managerPin", pin));
            return last[0].status() != 409;
        });
        return last[0];
    }

    static long points(Shop shop, long customerId) {
        return shop.tenant.call("/api/v1/customers/" + customerId + "/loyalty").get().json().getJsonNumber("points")
                .longValue();
    }

    static long movements(Shop shop, String reference) {
        return shop.tenant.call("/api/v1/outlets/" + shop.outlet + "/stock/movements?size=500").get().items().stream()
                .filter(m -> reference.equals(m.getString("reference", null))).count();
    }

    @Test
    void aReopenedOrderHasItsSideEffectsReversedAndAppliedAgainWhenItCompletesAgain() {
        // a shop of its own: its sales report counts this order alone
        Shop shop = Shop.open("fixr");
        shop.openDrawer(new BigDecimal("50.00"));
        long ada = id(shop.tenant.call("/api/v1/customers").post(obj("name", "Ada", "phone", "+49 30 1234567")).json());
        BigDecimal beef = shop.onHand(shop.beef);
        BigDecimal lemons = shop.onHand(shop.lemons);
        JsonObject sale = paidSale(shop, ada);
        long id = id(sale);
        BigDecimal total = money(sale, "total");
        assertTrue(eventually(() -> shop.onHand(shop.beef).compareTo(beef.subtract(new BigDecimal("0.15"))) == 0
                && points(shop, ada) == total.setScale(0, RoundingMode.FLOOR).longValueExact()), () -> "sold: " + points(shop, ada));

        Reply noReason = shop.as(shop.manager, "/api/v1/orders/" + id + "/reopen").post(obj("managerPin", "2222"));
        assertEquals(400, noReason.status(), noReason::toString);
        Reply alone = shop.as(shop.cashier, "/api/v1/orders/" + id + "/reopen").post(obj("reason", "forgot the dessert"));
        assertEquals(403, alone.status(), alone::toString);
        Reply cashierPin = shop.as(shop.cashier, "/api/v1/orders/" + id + "/reopen")
                .post(obj("reason", "forgot the dessert", "managerPin", "1111"));
        assertEquals(403, cashierPin.status(), cashierPin::toString);
        assertEquals("COMPLETED", order(shop, id).getString("status"), "a refused re-opening changes nothing");

        Reply reopened = reopen(shop, id, "2222");
        assertEquals(200, reopened.status(), reopened::toString);
        assertEquals("OPEN", reopened.json().getString("status"));
        assertEquals(total, money(reopened.json(), "paid"), "the payments stay");
        assertEquals(0, money(reopened.json(), "balance").signum());
        Reply twice = shop.as(shop.manager, "/api/v1/orders/" + id + "/reopen").post(obj("reason", "again"));
        assertEquals(422, twice.status(), twice::toString);
        assertTrue(eventually(() -> shop.onHand(shop.beef).compareTo(beef) == 0 && shop.onHand(shop.lemons)
                .compareTo(lemons) == 0 && points(shop, ada) == 0), () -> "reversed: " + shop.onHand(shop.beef) + " " + points(shop, ada));

        Reply added = shop.as(shop.cashier, "/api/v1/orders/" + id + "/lines").header("If-Match",
                "\"" + reopened.json().getJsonNumber("version") + "\"").post(obj("lines",
                Json.createArrayBuilder().add(shop.lemonadeLine(1)).build()));
        assertEquals(200, added.status(), added::toString);
        BigDecimal balance = money(added.json(), "balance");
        assertEquals(new BigDecimal("3.74"), balance);
        Reply paid = shop.pay(id, obj("method", "CASH", "amount", balance, "tendered", new BigDecimal("5.00")));
        assertEquals(201, paid.status(), paid::toString);
        JsonObject again = order(shop, id);
        assertEquals("COMPLETED", again.getString("status"));
        BigDecimal newTotal = money(again, "total");
        assertEquals(total.add(balance), newTotal);
        assertTrue(eventually(() -> shop.onHand(shop.beef).compareTo(beef.subtract(new BigDecimal("0.15"))) == 0
                && shop.onHand(shop.lemons).compareTo(lemons.subtract(new BigDecimal("2"))) == 0
                && points(shop, ada) == newTotal.setScale(0, RoundingMode.FLOOR).longValueExact()),
                () -> "completed again: " + shop.onHand(shop.lemons) + " " + points(shop, ada));
        assertEquals(2, movements(shop, "order-" + id + "/2"), "the second completion deducts under its own reference");
        assertEquals(4, movements(shop, "order-" + id), "the first completion's sale and its reversal");

        String from = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        String to = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        assertTrue(eventually(() -> {
            JsonObject report = shop.tenant.call("/api/v1/analytics/sales?from=" + from + "&to=" + to
                    + "&groupBy=outlet").get().json();
            return report.getJsonArray("items").size() == 1
                    && money(report.getJsonArray("items").getJsonObject(0), "gross").compareTo(newTotal) == 0;
        }), () -> "the sale, its reversal and the sale again net to the new total: " + shop.tenant.call(
                "/api/v1/analytics/sales?from=" + from + "&to=" + to + "&groupBy=outlet").get());
        List<JsonObject> audit = shop.tenant.call("/api/v1/audit?size=500").get().items();
        assertTrue(audit.stream().anyMatch(e -> e.getString("action").equals("order.reopen")
                && e.getString("target", "").equals("order:" + id) && "manager".equals(e.getString("approvedBy", null))
                && e.getString("detail").contains("forgot the dessert")), audit::toString);
    }

    @Test
    void aReopenedOrderWithNothingLeftToPayIsClosedAndItsStockDeductedOnce() {
        BigDecimal beef = shop.onHand(shop.beef);
        long id = id(paidSale(shop, null));
        assertTrue(eventually(() -> movements(shop, "order-" + id) == 2));
        Reply early = shop.as(shop.cashier, "/api/v1/orders/" + id + "/complete").post(obj());
        assertEquals(422, early.status(), "a completed order is not completed again: " + early);
        Reply reopened = reopen(shop, id, "2222");
        assertEquals(200, reopened.status(), reopened::toString);
        Reply stale = shop.as(shop.cashier, "/api/v1/orders/" + id + "/complete").header("If-Match", "\"1\"").post(obj());
        assertEquals(409, stale.status(), stale::toString);
        // the re-opening's reversal must be applied before the order completes again (409 until then)
        Reply[] closing = new Reply[1];
        eventually(() -> {
            closing[0] = shop.as(shop.cashier, "/api/v1/orders/" + id + "/complete").post(obj());
            return closing[0].status() != 409;
        });
        Reply closed = closing[0];
        assertEquals(200, closed.status(), closed::toString);
        assertEquals("COMPLETED", closed.json().getString("status"));
        assertTrue(eventually(() -> movements(shop, "order-" + id + "/2") == 2));
        assertEquals(0, shop.onHand(shop.beef).compareTo(beef.subtract(new BigDecimal("0.15"))),
                "sold, put back, sold again: one burger's beef");

        JsonObject open = shop.order(shop.orderBody("TAKEAWAY", null, shop.lemonadeLine(1))).json();
        Reply unpaid = shop.as(shop.cashier, "/api/v1/orders/" + id(open) + "/complete").post(obj());
        assertEquals(422, unpaid.status(), unpaid::toString);
    }

    @Test
    void anOpenOrderTakesADiscountAndACustomer() {
        JsonObject open = shop.order(shop.orderBody("TAKEAWAY", null, shop.lemonadeLine(4))).json();
        long id = id(open);
        String path = "/api/v1/orders/" + id;
        Reply small = shop.as(shop.cashier, path + "/discount").put(obj("type", "PERCENT", "value", 5, "reason", "regular"));
        assertEquals(200, small.status(), small::toString);
        assertEquals(new BigDecimal("0.70"), money(small.json(), "discountTotal"));
        Reply large = shop.as(shop.cashier, path + "/discount").put(obj("type", "PERCENT", "value", 50, "reason", "birthday"));
        assertEquals(403, large.status(), large::toString);
        Reply approved = shop.as(shop.cashier, path + "/discount")
                .put(obj("type", "PERCENT", "value", 50, "reason", "birthday", "managerPin", "2222"));
        assertEquals(200, approved.status(), approved::toString);
        assertEquals(new BigDecimal("7.00"), money(approved.json(), "discountTotal"));
        Reply bad = shop.as(shop.cashier, path + "/discount").put(obj("type", "HALF", "value", 5, "reason", "x"));
        assertEquals(400, bad.status(), bad::toString);
        Reply removed = shop.as(shop.cashier, path + "/discount").delete();
        assertEquals(200, removed.status(), removed::toString);
        assertEquals(0, money(removed.json(), "discountTotal").signum());
        assertTrue(shop.tenant.call("/api/v1/audit?size=500").get().items().stream().anyMatch(e ->
                e.getString("action").equals("order.discount") && e.getString("target", "").equals("order:" + id)
                        && "manager".equals(e.getString("approvedBy", null))));

        long grace = id(shop.tenant.call("/api/v1/customers").post(obj("name", "Grace", "email", "grace@example.org")).json());
        Reply named = shop.as(shop.cashier, path + "/customer").put(obj("customerId", grace));
        assertEquals(200, named.status(), named::toString);
        assertEquals(grace, named.json().getJsonNumber("customerId").longValue());
        long theirs = id(other.tenant.call("/api/v1/customers").post(obj("name", "Theirs", "email", "t@example.org")).json());
        Reply foreign = shop.as(shop.cashier, path + "/customer").put(obj("customerId", theirs));
        assertEquals(404, foreign.status(), "another tenant's customer: " + foreign);
        Reply stale = shop.as(shop.cashier, path + "/customer").header("If-Match", "\"0\"").put(obj("customerId", grace));
        assertEquals(409, stale.status(), stale::toString);
        assertEquals(grace, order(shop, id).getJsonNumber("customerId").longValue());
    }

    @Test
    void anotherTenantCannotCorrectAnOrder() {
        JsonObject sale = paidSale(shop, null);
        long paidId = id(sale);
        JsonObject open = shop.order(shop.orderBody("TAKEAWAY", null, shop.lemonadeLine(1))).json();
        long openId = id(open);
        String theirs = other.manager;
        assertEquals(404, other.as(theirs, "/api/v1/orders/" + paidId + "/reopen").post(obj("reason", "mine")).status());
        assertEquals(404, other.as(theirs, "/api/v1/orders/" + openId + "/complete").post(obj()).status());
        assertEquals(404, other.as(theirs, "/api/v1/orders/" + openId + "/discount")
                .put(obj("type", "AMOUNT", "value", 1, "reason", "mine")).status());
        assertEquals(404, other.as(theirs, "/api/v1/orders/" + openId + "/discount").delete().status());
        assertEquals(404, other.as(theirs, "/api/v1/orders/" + openId + "/customer").put(obj("customerId", null)).status());
        assertEquals("COMPLETED", order(shop, paidId).getString("status"));
        assertEquals(open.getJsonNumber("version"), order(shop, openId).getJsonNumber("version"), "nothing changed");
    }
}
