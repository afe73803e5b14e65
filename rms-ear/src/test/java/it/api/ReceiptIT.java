package it.api;

import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.Shop;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The receipt over HTTP (issue 14): a table's check of items at 19 % (VAT included) and 7 % (tax
 * added), paid in cash, shows the outlet's tax id, the cashier and the table, and the VAT per rate
 * (net, VAT, gross) adding up to the order's totals, in the HTML and in the PDF alike; the outlet's
 * tax id is validated; another tenant gets no receipt.
 */
class ReceiptIT {

    static final Pattern VAT_ROW = Pattern.compile("<tr class=\"(vat|vat-sum)\"><td>([^<]+)</td><td class=\"r\">([^<]+)"
            + "</td><td class=\"r\">([^<]+)</td><td class=\"r\">([^<]+)</td></tr>");

    static Shop shop;
    static Shop other;
    static String anna;

    @BeforeAll
    static void shops() {
        shop = Shop.open("rcpt");
        other = Shop.open("rcptb");
        Reply named = shop.tenant.call("/api/v1/outlets/" + shop.outlet).put(outlet("DE811907980"));
        assertEquals(200, named.status(), named::toString);
        Reply staff = shop.tenant.call("/api/v1/staff").post(obj("username", "anna", "displayName", "Anna Weber",
                "roles", List.of("CASHIER"), "outletIds", List.of(shop.outlet), "pin", "3333", "password", "anna-password",
                "hourlyRate", new BigDecimal("13.00"), "active", true));
        assertEquals(201, staff.status(), staff::toString);
        Reply token = Api.at("/api/v1/auth/pin").post(obj("tenant", shop.tenant.slug(), "outletId", shop.outlet,
                "pin", "3333"));
        assertEquals(200, token.status(), token::toString);
        anna = token.json().getString("access_token");
    }

    static JsonObject outlet(String taxId) {
        return obj("name", "Diner", "address", "Main St 1", "taxId", taxId, "timezone", "Europe/Berlin", "currency", "EUR");
    }

    /** Anna's check at table T1: two burgers with cheese (19 % included) and a lemonade (7 % added), paid with 50.00 cash. */
    static JsonObject paidCheck() {
        Reply current = shop.as(anna, "/api/v1/outlets/" + shop.outlet + "/cash-sessions/current").get();
        if (current.status() != 200) {
            shop.openDrawer(new BigDecimal("100.00"));
        }
        Reply created = shop.as(anna, "/api/v1/orders").header("Idempotency-Key", UUID.randomUUID().toString())
                .post(shop.orderBody("DINE_IN", shop.table, shop.burgerLine(2, shop.rare, shop.cheese), shop.lemonadeLine(1)));
        assertEquals(201, created.status(), created::toString);
        long id = created.json().getJsonNumber("id").longValue();
        Reply paid = shop.as(anna, "/api/v1/orders/" + id + "/payments").header("Idempotency-Key", UUID.randomUUID().toString())
                .post(obj("method", "CASH", "amount", new BigDecimal("25.54"), "tendered", new BigDecimal("50.00")));
        assertEquals(201, paid.status(), paid::toString);
        JsonObject order = shop.as(anna, "/api/v1/orders/" + id).get().json();
        assertEquals("COMPLETED", order.getString("status"));
        return order;
    }

    static BigDecimal money(JsonObject o, String field) {
        return o.getJsonNumber(field).bigDecimalValue();
    }

    static byte[] pdf(String token, String tenant, long id) throws Exception {
        HttpResponse<byte[]> pdf = Api.HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/v1/orders/" + id
                + "/receipt")).header("Authorization", "Bearer " + token).header("X-Tenant-ID", tenant)
                .header("Accept", "application/pdf").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode(), () -> new String(pdf.body()));
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        return pdf.body();
    }

    @Test
    void aCheckAtTwoRatesShowsTheVatPerRateTheTaxIdTheCashierAndTheTableInHtmlAndPdf() throws Exception {
        JsonObject order = paidCheck();
        long id = order.getJsonNumber("id").longValue();
        Reply html = shop.as(shop.cashier, "/api/v1/orders/" + id + "/receipt").header("Accept", "text/html").get();
        assertEquals(200, html.status(), html::toString);
        String page = html.body();
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(OffsetDateTime.parse(order.getString("createdAt")).atZoneSameInstant(ZoneId.of("Europe/Berlin")));
        for (String heading : List.of("<h1>Diner</h1>", "<p>Main St 1</p>", "<p>Tax ID DE811907980</p>",
                "<p>Order " + order.getString("number") + "  " + when + "</p>", "<p>Table: T1</p>", "<p>Cashier: Anna Weber</p>")) {
            assertTrue(page.contains(heading), heading + " in " + page);
        }
        assertTrue(page.contains("<td colspan=\"3\">2 x Burger</td><td class=\"r\">21.80 A</td>"), page);
        assertTrue(page.contains("<tr class=\"part\"><td colspan=\"4\">+ Cheese</td></tr>"), "cheese is part of the burger: " + page);
        assertTrue(page.contains("onclick=\"window.print()\">Print</button>") && page.contains("@media print"), page);

        // each rate's net + VAT = gross, and the rates add up to the order as the API shows it
        List<String[]> rows = new ArrayList<>();
        Matcher m = VAT_ROW.matcher(page);
        while (m.find()) {
            rows.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)});
        }
        assertEquals(List.of("A 19%|18.32|3.48|21.80", "B 7%|3.50|0.24|3.74", "Sum|21.82|3.72|25.54"),
                rows.stream().map(r -> String.join("|", r[1], r[2], r[3], r[4])).toList(), page);
        BigDecimal tax = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        for (String[] r : rows.subList(0, 2)) {
            assertEquals(new BigDecimal(r[4]), new BigDecimal(r[2]).add(new BigDecimal(r[3])), String.join(" ", r));
            tax = tax.add(new BigDecimal(r[3]));
            gross = gross.add(new BigDecimal(r[4]));
        }
        assertEquals(money(order, "taxTotal"), tax);
        assertEquals(money(order, "total"), gross);
        assertTrue(page.contains("<td colspan=\"3\">VAT added</td><td class=\"r\">0.24</td>"), "the 7 % is added: " + page);
        assertTrue(page.contains("<td colspan=\"3\">change</td><td class=\"r\">24.46</td>"), page);

        // the PDF draws the same rows
        String text;
        try (PDDocument document = Loader.loadPDF(pdf(shop.cashier, shop.tenant.slug(), id))) {
            text = new PDFTextStripper().getText(document);
        }
        for (String line : List.of("Tax ID DE811907980", "Table: T1", "Cashier: Anna Weber", "Order " + order.getString("number"))) {
            assertTrue(text.contains(line), line + " in " + text);
        }
        for (String[] r : rows) {
            assertTrue(Pattern.compile(Pattern.quote(r[1]) + "\\s+" + Pattern.quote(r[2]) + "\\s+" + Pattern.quote(r[3])
                    + "\\s+" + Pattern.quote(r[4])).matcher(text).find(), String.join(" ", r) + " in " + text);
        }
        assertTrue(text.matches("(?s).*2 x Burger\\s+21\\.80 A\\s*\n.*"), text);
        assertTrue(text.matches("(?s).*\n\\s*\\+ Cheese\\s*\n.*"), "cheese without an amount of its own: " + text);
    }

    @Test
    void anOutletTaxIdIsReturnedAndOneTooLongIsRefusedNamingTheField() {
        JsonObject current = shop.tenant.call("/api/v1/outlets/" + shop.outlet).get().json();
        assertEquals("DE811907980", current.getString("taxId"));
        Reply tooLong = shop.tenant.call("/api/v1/outlets/" + shop.outlet).put(outlet("DE" + "1".repeat(31)));
        assertEquals(400, tooLong.status(), tooLong::toString);
        assertEquals("application/problem+json", tooLong.header("Content-Type"));
        assertTrue(tooLong.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> "taxId".equals(e.getString("field"))), tooLong::toString);
        assertEquals("DE811907980", shop.tenant.call("/api/v1/outlets/" + shop.outlet).get().json().getString("taxId"),
                "a refused change changes nothing");
        JsonObject created = Api.createOutlet(other.tenant, "Without tax id");
        assertTrue(noTaxId(created), created::toString);
        Reply cleared = other.tenant.call("/api/v1/outlets/" + other.outlet).put(outlet("  "));
        assertEquals(200, cleared.status(), cleared::toString);
        assertTrue(noTaxId(cleared.json()), "blank means none: " + cleared);
    }

    /** No tax id: JSON-B leaves out a null field. */
    static boolean noTaxId(JsonObject outlet) {
        return !outlet.containsKey("taxId") || outlet.isNull("taxId");
    }

    @Test
    void anotherTenantGetsNoReceipt() throws Exception {
        long id = paidCheck().getJsonNumber("id").longValue();
        assertEquals(200, shop.as(shop.cashier, "/api/v1/orders/" + id + "/receipt").get().status());
        Reply html = other.as(other.cashier, "/api/v1/orders/" + id + "/receipt").header("Accept", "text/html").get();
        assertEquals(404, html.status(), html::toString);
        assertTrue(!html.body().contains("Diner") && !html.body().contains("Burger"), html::body);
        HttpResponse<byte[]> pdf = Api.HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/v1/orders/" + id
                + "/receipt")).header("Authorization", "Bearer " + other.cashier).header("X-Tenant-ID", other.tenant.slug())
                .header("Accept", "application/pdf").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(404, pdf.statusCode());
    }
}
