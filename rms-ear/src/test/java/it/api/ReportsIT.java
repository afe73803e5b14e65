package it.api;

import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.Shop;
import it.SocketInbox;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Report runs over HTTP (issue 11): a daily-sales run of orders this test made, its totals checked
 * against them in CSV, JSON and PDF; a refund afterwards makes it stale and a second run counts the
 * refund; bad input, roles, jobs not built yet, and another tenant's runs, outputs and sockets.
 */
class ReportsIT {

    private static final String WS = Api.BASE.replace("http", "ws") + "/ws/events";
    private static final String HEADER = "outletId,section,key,orders,quantity,net,tax,gross";

    static Shop shop;
    static Shop other;
    static String today;
    static BigDecimal gross = BigDecimal.ZERO;
    static BigDecimal tax = BigDecimal.ZERO;
    static long burgerOrder;

    @BeforeAll
    static void sell() {
        shop = Shop.open("reports");
        other = Shop.open("reportsb");
        today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
        shop.openDrawer(new BigDecimal("100.00"));
        JsonObject lemonades = quickSale(shop.lemonadeLine(2));
        JsonObject burger = quickSale(shop.burgerLine(1, shop.rare));
        burgerOrder = burger.getJsonNumber("id").longValue();
        for (JsonObject order : List.of(lemonades, burger)) {
            gross = gross.add(order.getJsonNumber("total").bigDecimalValue());
            tax = tax.add(order.getJsonNumber("taxTotal").bigDecimalValue());
        }
        assertTrue(SideEffectsIT.eventually(60, () -> salesOrders() == 2), "the analytics consumer recorded both sales");
    }

    private static JsonObject quickSale(JsonObject line) {
        JsonObject lineBody = shop.orderBody("TAKEAWAY", null, line);
        Reply priced = shop.order(lineBody);
        assertEquals(201, priced.status(), priced::toString);
        BigDecimal total = priced.json().getJsonNumber("total").bigDecimalValue();
        Reply paid = shop.pay(priced.json().getJsonNumber("id").longValue(), obj("method", "CASH", "amount", total,
                "tendered", total));
        assertEquals(201, paid.status(), paid::toString);
        return shop.tenant.call("/api/v1/orders/" + priced.json().getJsonNumber("id").longValue()).get().json();
    }

    private static int salesOrders() {
        Reply r = shop.tenant.call("/api/v1/analytics/sales?from=" + today + "&to=" + today + "&outletId=" + shop.outlet
                + "&groupBy=day").get();
        return r.json().getJsonArray("items").isEmpty() ? 0
                : r.json().getJsonArray("items").getJsonObject(0).getInt("orders");
    }

    private static Reply start(String token, String tenant, String job, JsonObject parameters) {
        return ReportRunCalls.start(token, tenant, job, parameters);
    }

    private static JsonObject finished(long id) {
        return ReportRunCalls.finished(shop.tenant, id);
    }

    /** The CSV's rows by "section/key", each its cells by column. */
    private static Map<String, Map<String, String>> csvRows(String csv) {
        return ReportRunCalls.csvRows(HEADER, csv);
    }

    private static Reply output(long id, String accept) {
        return ReportRunCalls.output(shop.tenant, id, accept);
    }

    @Test
    void dailySalesCountsTheDaysOrdersAndARefundMakesItStale() {
        SocketInbox mine = new SocketInbox();
        SocketInbox theirs = new SocketInbox();
        WebSocket mySocket = Api.HTTP.newWebSocketBuilder().subprotocols("bearer", shop.tenant.ownerToken())
                .buildAsync(URI.create(WS), mine).join();
        WebSocket theirSocket = Api.HTTP.newWebSocketBuilder().subprotocols("bearer", other.tenant.ownerToken())
                .buildAsync(URI.create(WS), theirs).join();
        try {
            ReportRunCalls.sleep(300);
            Reply started = start(shop.tenant.ownerToken(), shop.tenant.slug(), "daily-sales", obj("businessDate", today));
            assertEquals(202, started.status(), started::toString);
            long id = started.json().getJsonNumber("id").longValue();
            assertEquals("daily-sales", started.json().getString("job"));

            JsonObject run = finished(id);
            assertEquals("COMPLETED", run.getString("status"), run::toString);
            assertEquals(1, run.getJsonObject("progress").getInt("partitions"));
            assertEquals(1, run.getJsonObject("progress").getInt("completedPartitions"));
            assertTrue(run.getJsonObject("progress").getJsonNumber("itemsRead").longValue() > 0, run::toString);
            JsonObject partition = run.getJsonArray("partitions").getJsonObject(0);
            assertEquals(shop.outlet, partition.getJsonNumber("outletId").longValue());
            assertEquals("COMPLETED", partition.getString("status"));
            assertEquals(List.of("csv", "json", "pdf"), run.getJsonArray("outputs").getValuesAs(
                    jakarta.json.JsonString::getString));
            assertEquals(today, run.getJsonObject("parameters").getString("from"));
            assertFalse(run.getBoolean("stale"));

            Reply csv = output(id, "text/csv");
            assertEquals(200, csv.status(), csv::toString);
            assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
            Map<String, Map<String, String>> rows = csvRows(csv.body());
            Map<String, String> sales = rows.get("total/sales");
            assertEquals("2", sales.get("orders"));
            assertEquals(0, gross.compareTo(new BigDecimal(sales.get("gross"))), sales::toString);
            assertEquals(0, tax.compareTo(new BigDecimal(sales.get("tax"))), sales::toString);
            assertEquals(0, gross.subtract(tax).compareTo(new BigDecimal(sales.get("net"))), sales::toString);
            assertEquals(0, new BigDecimal(rows.get("total/refunds").get("gross")).signum());
            assertEquals(0, gross.compareTo(new BigDecimal(rows.get("tender/CASH").get("gross"))));
            assertEquals("2", rows.get("item/Lemonade (LEMONADE)").get("quantity"));
            assertEquals("1", rows.get("item/Burger (BURGER)").get("quantity"));
            assertEquals("1", rows.get("category/Drinks").get("orders"));
            assertEquals(0, new BigDecimal(rows.get("category/Mains").get("gross")).add(
                    new BigDecimal(rows.get("category/Drinks").get("gross"))).compareTo(gross));
            assertNotNull(rows.get("tax/19%"), rows::toString);
            assertNotNull(rows.get("tax/7%"), rows::toString);
            assertNotNull(rows.get("channel/TAKEAWAY"), rows::toString);
            assertTrue(rows.keySet().stream().anyMatch(k -> k.startsWith("hour/")), rows::toString);
            assertTrue(rows.keySet().stream().anyMatch(k -> k.startsWith("staff/")), rows::toString);

            Reply json = output(id, "application/json");
            assertEquals(200, json.status(), json::toString);
            assertEquals(rows.size(), json.json().getJsonArray("rows").size());
            Reply pdf = output(id, "application/pdf");
            assertEquals(200, pdf.status());
            assertTrue(pdf.body().startsWith("%PDF"), "a PDF document");
            assertEquals(406, output(id, "image/png").status());

            // the run's end reached this tenant's socket and not the other's
            assertTrue(SideEffectsIT.eventually(10, () -> mine.events.stream().anyMatch(e ->
                    e.getString("type").equals("report.finished")
                            && e.getJsonObject("data").getJsonNumber("id").longValue() == id)), mine.events::toString);
            assertTrue(theirs.events.stream().noneMatch(e -> e.getString("type").equals("report.finished")),
                    theirs.events::toString);

            // another tenant: 404 by id, output, stop and restart; absent from its list
            String b = other.tenant.slug();
            String bt = other.tenant.ownerToken();
            assertEquals(404, Api.at("/api/v1/reports/runs/" + id).token(bt).tenant(b).get().status());
            assertEquals(404, Api.at("/api/v1/reports/runs/" + id + "/output").token(bt).tenant(b)
                    .header("Accept", "text/csv").get().status());
            assertEquals(404, Api.at("/api/v1/reports/runs/" + id + "/stop").token(bt).tenant(b).post(obj()).status());
            assertEquals(404, Api.at("/api/v1/reports/runs/" + id + "/restart").token(bt).tenant(b).post(obj()).status());
            assertEquals(0, Api.at("/api/v1/reports/runs").token(bt).tenant(b).get().json().getInt("total"));
            assertEquals(400, start(bt, b, "daily-sales", obj("outletIds", List.of(shop.outlet))).status());

            // a finished run cannot be stopped or restarted
            assertEquals(409, shop.tenant.call("/api/v1/reports/runs/" + id + "/stop").post(obj()).status());
            assertEquals(409, shop.tenant.call("/api/v1/reports/runs/" + id + "/restart").post(obj()).status());

            // a refund on the reported day makes the run stale; the next run counts it
            Reply refund = shop.as(shop.cashier, "/api/v1/orders/" + burgerOrder + "/refunds")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .post(obj("amount", new BigDecimal("2.00"), "reason", "cold", "managerPin", "2222"));
            assertEquals(201, refund.status(), refund::toString);
            assertTrue(SideEffectsIT.eventually(60, () -> shop.tenant.call("/api/v1/reports/runs/" + id).get().json()
                    .getBoolean("stale")), "the refund made the run stale");
            long second = start(shop.tenant.ownerToken(), shop.tenant.slug(), "daily-sales", obj("businessDate", today)).json()
                    .getJsonNumber("id").longValue();
            assertEquals("COMPLETED", finished(second).getString("status"));
            Map<String, Map<String, String>> after = csvRows(output(second, "text/csv").body());
            assertEquals(0, new BigDecimal("-2.00").compareTo(new BigDecimal(after.get("total/refunds").get("gross"))));
            assertEquals(0, gross.subtract(new BigDecimal("2.00")).compareTo(new BigDecimal(after.get("total/all")
                    .get("gross"))), after::toString);
            assertEquals(0, new BigDecimal("-2.00").compareTo(new BigDecimal(after.get("tender/CASH:refunds").get("gross"))));

            JsonObject list = shop.tenant.call("/api/v1/reports/runs?job=daily-sales").get().json();
            assertEquals(2, list.getInt("total"));
            assertEquals(second, list.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue());
        } finally {
            mySocket.abort();
            theirSocket.abort();
        }
    }

    @Test
    void inventoryValuationValuesTheStockOnHand() {
        Reply started = start(shop.tenant.ownerToken(), shop.tenant.slug(), "inventory-valuation", obj());
        assertEquals(202, started.status(), started::toString);
        long id = started.json().getJsonNumber("id").longValue();
        assertEquals("COMPLETED", finished(id).getString("status"));
        String csv = output(id, "text/csv").body();
        assertTrue(csv.startsWith("outletId,section,key,name,unit,onHand,averageCost,value\r\n"), csv);
        assertTrue(csv.contains("," + "item,BEEF,"), csv);
        assertTrue(csv.contains(",total,value,"), csv);
    }

    @Test
    void aJobNotBuiltYetFailsWithItsReasonAndNoOutput() {
        Reply started = start(shop.tenant.ownerToken(), shop.tenant.slug(), "labour", obj("businessDate", today));
        assertEquals(202, started.status(), started::toString);
        long id = started.json().getJsonNumber("id").longValue();
        JsonObject run = finished(id);
        assertEquals("FAILED", run.getString("status"));
        assertTrue(run.getString("failure").contains("time clock"), run::toString);
        assertEquals(409, output(id, "text/csv").status());
        assertEquals(409, shop.tenant.call("/api/v1/reports/runs/" + id + "/restart").post(obj()).status());
    }

    @Test
    void badInputAndRolesAreRefused() {
        String slug = shop.tenant.slug();
        String owner = shop.tenant.ownerToken();
        assertEquals(400, start(owner, slug, "nightly-magic", obj()).status());
        assertEquals(400, start(owner, slug, "daily-sales", obj("businessDate", "yesterday")).status());
        assertEquals(400, start(owner, slug, "daily-sales", obj("from", "2026-12-06", "to", "2026-12-01")).status());
        assertEquals(400, start(owner, slug, "daily-sales", obj("from", "2024-01-01", "to", "2026-01-01")).status());
        assertEquals(400, start(owner, slug, "daily-sales", obj("shoeSize", 42)).status());
        assertEquals(400, start(owner, slug, "daily-sales", obj("outletIds", "all")).status());
        assertEquals(400, start(owner, slug, "daily-sales", obj("outletIds", List.of(999_999_999L))).status());
        assertEquals(400, start(owner, slug, "inventory-valuation", obj("businessDate", today)).status());
        Reply bad = Api.at("/api/v1/reports/runs").token(owner).tenant(slug).send("POST", "{\"job\": \"daily-sales\"");
        assertEquals(400, bad.status(), bad::toString);
        assertEquals("urn:rms:problem:validation", bad.json().getString("type"));
        assertEquals(403, start(shop.cashier, slug, "daily-sales", obj()).status());
        assertEquals(403, Api.at("/api/v1/reports/jobs").token(shop.cashier).tenant(slug).get().status());
        assertEquals(404, Api.at("/api/v1/reports/runs/123456789").token(owner).tenant(slug).get().status());
        assertEquals(400, Api.at("/api/v1/reports/runs?status=DONE").token(owner).tenant(slug).get().status());

        Reply jobs = Api.at("/api/v1/reports/jobs").token(owner).tenant(slug).get();
        assertEquals(200, jobs.status());
        assertEquals(List.of("daily-sales", "inventory-valuation", "stock-variance", "menu-engineering", "labour",
                "loyalty-expiry"), jobs.array().getValuesAs(JsonObject.class).stream().map(j -> j.getString("name")).toList());
        assertTrue(jobs.array().getJsonObject(0).getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
                .anyMatch(p -> p.getString("name").equals("businessDate") && !p.getBoolean("required")));
    }

    @Test
    void libertysOwnBatchApiIsNotThere() throws Exception {
        // over HTTP Liberty only redirects /ibm/api to HTTPS, where its REST APIs would be: a tenant's token
        // opens nothing there, and even the server's operator finds no batch API
        java.net.http.HttpClient https = it.Tls.client();
        URI jobs = URI.create(it.Tls.HTTPS + "/ibm/api/batch/jobinstances");
        java.net.http.HttpResponse<String> tenantUser = https.send(java.net.http.HttpRequest.newBuilder(jobs)
                .header("Authorization", "Bearer " + shop.tenant.ownerToken()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, tenantUser.statusCode(), tenantUser::body);
        String operator = System.getProperty("rms.metrics.user") + ":" + System.getProperty("rms.metrics.password");
        java.net.http.HttpResponse<String> api = https.send(java.net.http.HttpRequest.newBuilder(jobs)
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(operator.getBytes(
                        java.nio.charset.StandardCharsets.UTF_8))).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(404, api.statusCode(), api::body);
    }
}
