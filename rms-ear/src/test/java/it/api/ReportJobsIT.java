package it.api;

import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api.Reply;
import it.Api.TestTenant;
import it.Shop;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The menu-engineering and stock-variance jobs over HTTP (issue 11), their CSV numbers checked against
 * what this test did in one business day: a shop (Shop: 3 kg of beef, 2000 g of cheese and 100 lemons
 * counted at 1.00 a unit) gets a bun on every burger, receives 2 kg of beef at 12.00 and 50 buns at
 * 0.30, puts a salad and water (no recipes) on its menu and takes soup off it, sells lemonade at 4.00
 * there, sells 2 burgers with cheese, 1 burger (re-opened and completed again) and 4 lemonades, throws
 * away 100 g of beef and a bun, and counts 4.3 kg of beef and 45 buns. Then another tenant's runs over
 * this outlet and bad parameters.
 */
class ReportJobsIT {

    private static final String MENU = "outletId,section,key,name,items,quantity,mixPercent,price,cost,margin,"
            + "totalMargin,popularity,profitability,class,recipe";
    private static final String VARIANCE = "outletId,section,key,name,unit,opening,receipts,transfers,theoretical,"
            + "waste,closing,actual,variance,averageCost,varianceValue,variancePercent";

    static Shop shop;
    static Shop other;
    static String today;

    @BeforeAll
    static void trade() {
        shop = Shop.open("rjobs");
        other = Shop.open("rjobsb");
        today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
        TestTenant t = shop.tenant;
        long bun = id(t.call("/api/v1/inventory/items").post(obj("sku", "BUN", "name", "Bun", "unit", "each",
                "reorderLevel", BigDecimal.ZERO, "unitCost", new BigDecimal("0.30"))), 201);
        expect(t.call("/api/v1/menu/items/" + shop.burger + "/recipe").put(Json.createArrayBuilder()
                .add(obj("stockItemId", shop.beef, "quantity", new BigDecimal("150"), "unit", "g"))
                .add(obj("stockItemId", bun, "quantity", BigDecimal.ONE, "unit", "each")).build()), 200);

        // receipts: beef's average cost becomes (3 x 1.00 + 2 x 12.00) / 5 = 5.40, the bun's 0.30
        long supplier = PurchasingIT.supplier(t, "Butcher");
        long po = id(t.call("/api/v1/purchase-orders").post(obj("supplierId", supplier, "outletId", shop.outlet, "lines",
                Json.createArrayBuilder().add(poLine(shop.beef, "2", "12.00")).add(poLine(bun, "50", "0.30")).build())), 201);
        expect(t.call("/api/v1/purchase-orders/" + po + "/send").post(obj()), 200);
        expect(t.call("/api/v1/purchase-orders/" + po + "/receive").post(obj("lines", Json.createArrayBuilder()
                .add(poLine(shop.beef, "2", "12.00")).add(poLine(bun, "50", "0.30")).build())), 200);

        // the menu here: salad and water without recipes, soup not available at this outlet, lemonade at 4.00
        long zero = id(t.call("/api/v1/tax-rates").post(obj("name", "Zero", "rate", BigDecimal.ZERO, "inclusive", false)), 201);
        long sides = id(t.call("/api/v1/menu/categories").post(obj("name", "Sides")), 201);
        menuItem(t, "SALAD", "6.00", zero, sides);
        menuItem(t, "WATER", "1.00", zero, sides);
        long soup = menuItem(t, "SOUP", "5.00", zero, sides);
        expect(t.call("/api/v1/outlets/" + shop.outlet + "/menu/items/" + soup).put(obj("available", false)), 204);
        expect(t.call("/api/v1/outlets/" + shop.outlet + "/menu/items/" + shop.lemonade).put(obj("price",
                new BigDecimal("4.00"), "available", true)), 204);

        shop.openDrawer(new BigDecimal("100.00"));
        quickSale(shop.burgerLine(2, shop.rare, shop.cheese));
        long again = quickSale(shop.burgerLine(1, shop.rare));
        quickSale(shop.lemonadeLine(4));
        assertTrue(OrderCorrectionIT.eventually(() -> shop.onHand(shop.beef).compareTo(new BigDecimal("4.55")) == 0
                && shop.onHand(bun).compareTo(new BigDecimal("47")) == 0), "the three sales were deducted");
        // re-opened and completed again: its burger counts once, in the facts and in the ledger
        Reply reopened = OrderCorrectionIT.reopen(shop, again, "2222");
        assertEquals(200, reopened.status(), reopened::toString);
        Reply[] closing = new Reply[1];
        OrderCorrectionIT.eventually(() -> {
            closing[0] = shop.as(shop.cashier, "/api/v1/orders/" + again + "/complete").post(obj());
            return closing[0].status() != 409;
        });
        assertEquals(200, closing[0].status(), closing[0]::toString);
        assertTrue(OrderCorrectionIT.eventually(() -> OrderCorrectionIT.movements(shop, "order-" + again + "/2") == 2
                && shop.onHand(shop.beef).compareTo(new BigDecimal("4.55")) == 0), "completed again and deducted again");
        String byItem = "from=" + today + "&to=" + today + "&outletId=" + shop.outlet + "&groupBy=item";
        assertTrue(OrderCorrectionIT.eventually(() -> soldOf(byItem, shop.burger) == 3 && soldOf(byItem, shop.lemonade) == 4),
                () -> "the sales facts: " + SideEffectsIT.salesBy(t, byItem));

        // 100 g of beef and a bun thrown away; the counts find 4.3 kg (ledger 4.45) and 45 buns (ledger 46)
        adjust(obj("stockItemId", shop.beef, "delta", new BigDecimal("-0.100"), "reason", "WASTE"));
        adjust(obj("stockItemId", bun, "delta", new BigDecimal("-1"), "reason", "WASTE"));
        adjust(obj("stockItemId", shop.beef, "counted", new BigDecimal("4.300"), "reason", "COUNT"));
        adjust(obj("stockItemId", bun, "counted", new BigDecimal("45"), "reason", "COUNT"));
    }

    @Test
    void menuEngineeringClassifiesTheOutletsMenu() {
        Map<String, Map<String, String>> rows = run("menu-engineering", MENU);
        // on the menu here: burger, lemonade, salad, water (soup is not available and unsold): popular from 70 % / 4
        Map<String, String> burger = rows.get("item/BURGER");
        assertEquals("3", burger.get("quantity"), "2 + 1 re-opened and completed again: " + burger);
        assertMoney("8.32", burger, "price");        // 9.90 with 19 % inclusive: 1.58 tax
        assertMoney("1.11", burger, "cost");         // 0.150 kg x 5.40 + 1 bun x 0.30; the cheese modifier left out
        assertMoney("7.21", burger, "margin");
        assertMoney("21.63", burger, "totalMargin");
        assertMoney("42.86", burger, "mixPercent");  // 3 of 7
        assertEquals(List.of("high", "high", "star", "yes"), cells(burger, "popularity", "profitability", "class", "recipe"));

        Map<String, String> lemonade = rows.get("item/LEMONADE");
        assertEquals("4", lemonade.get("quantity"));
        assertMoney("4.00", lemonade, "price");      // the outlet's price, 7 % added on top
        assertMoney("1.00", lemonade, "cost");
        assertMoney("3.00", lemonade, "margin");
        assertEquals(List.of("high", "low", "plowhorse", "yes"), cells(lemonade, "popularity", "profitability", "class",
                "recipe"));

        Map<String, String> salad = rows.get("item/SALAD");
        assertEquals("0", salad.get("quantity"));
        assertMoney("0.00", salad, "cost");
        assertMoney("6.00", salad, "margin");
        assertEquals(List.of("low", "high", "puzzle", "none"), cells(salad, "popularity", "profitability", "class", "recipe"));
        assertEquals(List.of("low", "low", "dog", "none"), cells(rows.get("item/WATER"), "popularity", "profitability",
                "class", "recipe"));
        assertEquals(null, rows.get("item/SOUP"), "an item not available here and not sold is not on the outlet's menu");

        Map<String, String> all = rows.get("total/all");
        assertEquals("4", all.get("items"));
        assertEquals("7", all.get("quantity"));
        assertMoney("33.63", all, "totalMargin");
        assertMoney("4.80", all, "margin");          // 33.63 / 7, quantity-weighted
        assertMoney("17.50", rows.get("total/line"), "mixPercent");
        assertEquals("1", rows.get("total/star").get("items"));
        assertEquals("1", rows.get("total/dog").get("items"));
        assertEquals("2", rows.get("total/no-recipe").get("items"));
    }

    @Test
    void stockVarianceComparesTheRecipesOfWhatWasSoldWithTheStock() {
        Map<String, Map<String, String>> rows = run("stock-variance", VARIANCE);
        // buns: 50 received, 3 burgers' worth sold, 1 wasted, 45 counted: 4 used where the recipes say 3
        Map<String, String> bun = rows.get("item/BUN");
        assertQuantities(bun, "0", "50", "0", "3", "1", "45", "4", "1");
        assertMoney("0.3000", bun, "averageCost");
        assertMoney("0.30", bun, "varianceValue");
        assertMoney("33.33", bun, "variancePercent");

        // beef: 3 burgers x 150 g in theory; the opening 3 kg was a count today, and so is the 0.15 kg the
        // last count found missing: the variance is -(3 - 0.15) = -2.85 kg, the counts' differences negated
        Map<String, String> beef = rows.get("item/BEEF");
        assertEquals("KG", beef.get("unit"));
        assertQuantities(beef, "0", "2", "0", "0.45", "0.1", "4.3", "-2.4", "-2.85");
        assertMoney("5.4000", beef, "averageCost");
        assertMoney("-15.39", beef, "varianceValue");
        assertMoney("-633.33", beef, "variancePercent");

        // the cheese of the modifier is in the theoretical use (the ledger's sales deductions)
        assertMoney("40", rows.get("item/CHEESE"), "theoretical");
        assertMoney("4", rows.get("item/LEMON"), "theoretical");

        BigDecimal sum = rows.entrySet().stream().filter(e -> e.getKey().startsWith("item/"))
                .map(e -> new BigDecimal(e.getValue().get("varianceValue"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(new BigDecimal(rows.get("total/all").get("varianceValue"))), rows::toString);
    }

    @Test
    void anotherTenantCannotRunThemOverThisOutlet() {
        for (String job : List.of("menu-engineering", "stock-variance")) {
            Reply r = ReportRunCalls.start(other.tenant.ownerToken(), other.tenant.slug(), job,
                    obj("from", today, "to", today, "outletIds", List.of(shop.outlet)));
            assertEquals(400, r.status(), r::toString);
        }
    }

    @Test
    void badParametersAreRefused() {
        String owner = shop.tenant.ownerToken();
        String slug = shop.tenant.slug();
        for (String job : List.of("menu-engineering", "stock-variance")) {
            assertEquals(400, ReportRunCalls.start(owner, slug, job, obj("from", "2026-12-06", "to", "2026-12-01"))
                    .status(), job + ": to before from");
            assertEquals(400, ReportRunCalls.start(owner, slug, job, obj("businessDate", today)).status(),
                    job + " takes from/to, not businessDate");
            assertEquals(400, ReportRunCalls.start(owner, slug, job, obj("from", "last week")).status());
        }
        List<JsonObject> jobs = shop.tenant.call("/api/v1/reports/jobs").get().array().getValuesAs(JsonObject.class);
        assertTrue(jobs.stream().filter(j -> List.of("menu-engineering", "stock-variance").contains(j.getString("name")))
                .allMatch(j -> j.getBoolean("available")), jobs::toString);
    }

    /** Runs a job over today at the shop's outlet and reads its CSV. */
    private static Map<String, Map<String, String>> run(String job, String header) {
        Reply started = ReportRunCalls.start(shop.tenant.ownerToken(), shop.tenant.slug(), job, obj("from", today, "to",
                today, "outletIds", List.of(shop.outlet)));
        assertEquals(202, started.status(), started::toString);
        long id = started.json().getJsonNumber("id").longValue();
        JsonObject run = ReportRunCalls.finished(shop.tenant, id);
        assertEquals("COMPLETED", run.getString("status"), run::toString);
        assertTrue(run.getJsonObject("progress").getJsonNumber("itemsRead").longValue() > 0, run::toString);
        Reply csv = ReportRunCalls.output(shop.tenant, id, "text/csv");
        assertEquals(200, csv.status(), csv::toString);
        Reply json = ReportRunCalls.output(shop.tenant, id, "application/json");
        Map<String, Map<String, String>> rows = ReportRunCalls.csvRows(header, csv.body());
        assertEquals(rows.size(), json.json().getJsonArray("rows").size());
        return rows;
    }

    private static void assertQuantities(Map<String, String> row, String opening, String receipts, String transfers,
            String theoretical, String waste, String closing, String actual, String variance) {
        List<String> columns = List.of("opening", "receipts", "transfers", "theoretical", "waste", "closing", "actual",
                "variance");
        List<String> expected = List.of(opening, receipts, transfers, theoretical, waste, closing, actual, variance);
        for (int i = 0; i < columns.size(); i++) {
            assertMoney(expected.get(i), row, columns.get(i));
        }
    }

    /** A number cell equal to {@code expected} (whatever its scale). */
    private static void assertMoney(String expected, Map<String, String> row, String column) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(row.get(column))), column + " in " + row);
    }

    private static List<String> cells(Map<String, String> row, String... columns) {
        return java.util.Arrays.stream(columns).map(row::get).toList();
    }

    private static long soldOf(String query, long menuItemId) {
        return SideEffectsIT.salesBy(shop.tenant, query).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("key").equals(String.valueOf(menuItemId))).mapToLong(i -> i.getInt("quantity"))
                .sum();
    }

    private static long quickSale(JsonObject line) {
        Reply priced = shop.order(shop.orderBody("TAKEAWAY", null, line));
        assertEquals(201, priced.status(), priced::toString);
        long id = priced.json().getJsonNumber("id").longValue();
        BigDecimal total = priced.json().getJsonNumber("total").bigDecimalValue();
        Reply paid = shop.pay(id, obj("method", "CASH", "amount", total, "tendered", total));
        assertEquals(201, paid.status(), paid::toString);
        return id;
    }

    private static long menuItem(TestTenant t, String sku, String price, long taxRate, long category) {
        return id(t.call("/api/v1/menu/items").post(obj("sku", sku, "name", sku.charAt(0) + sku.substring(1).toLowerCase(),
                "categoryId", category, "price", new BigDecimal(price), "taxRateId", taxRate, "station", "BAR")), 201);
    }

    private static JsonObject poLine(long stockItem, String quantity, String unitCost) {
        return obj("stockItemId", stockItem, "quantity", new BigDecimal(quantity), "unitCost", new BigDecimal(unitCost));
    }

    private static void adjust(JsonObject adjustment) {
        expect(shop.tenant.call("/api/v1/outlets/" + shop.outlet + "/stock/adjustments").post(adjustment), 200);
    }

    private static long id(Reply reply, int status) {
        expect(reply, status);
        return reply.json().getJsonNumber("id").longValue();
    }

    private static void expect(Reply reply, int status) {
        assertEquals(status, reply.status(), reply::toString);
    }
}
