package com.rms.pos.application;

import static com.rms.pos.domain.TaxBreakdownTest.d;
import static com.rms.pos.domain.TaxBreakdownTest.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.payment.application.PaymentView;
import com.rms.platform.persistence.BaseEntity;
import com.rms.pos.application.Receipt.Kind;
import com.rms.pos.application.Receipt.Row;
import com.rms.pos.domain.Channel;
import com.rms.pos.domain.DiscountType;
import com.rms.pos.domain.Order;
import com.rms.pos.domain.OrderLine;
import com.rms.tenancy.application.OutletView;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The receipt's rows as an EU receipt needs them, and the HTML and PDF drawing the same rows. */
class ReceiptsTest {

    static final OutletView MITTE = new OutletView(1, "Bistro Mitte", "Torstrasse 1, Berlin", "DE123456789",
            "Europe/Berlin", "EUR", true, 0, null, null);

    /** An order as stored: its id and creation time set as the database would. */
    static Order stored(Order order, long id, String createdAt) throws ReflectiveOperationException {
        Field idField = BaseEntity.class.getDeclaredField("id");
        idField.setAccessible(true);
        idField.set(order, id);
        Field created = BaseEntity.class.getDeclaredField("createdAt");
        created.setAccessible(true);
        created.set(order, OffsetDateTime.parse(createdAt));
        return order;
    }

    /**
     * At table T5: two burgers with cheese (10.90 each incl. 19 %), a lemonade (3.50 plus 7 %), a
     * voided wine; 10 % off; paid 20.00 in cash (50.00 tendered) and the rest by card, 5.00 of which
     * was refunded.
     */
    static Order check() throws ReflectiveOperationException {
        Order order = new Order(1, Channel.DINE_IN, 5L, null, "EUR", "clara");
        order.addLine(line("Burger", 2, "10.90", "19", true, new OrderLine.SoldModifier(7, "Cheese", d("1.00")),
                new OrderLine.SoldModifier(8, "Rare", d("0.00"))));
        order.addLine(line("Lemonade", 1, "3.50", "7", false));
        order.addLine(line("Wine", 1, "6.90", "19", true));
        order.reprice();
        order.getLines().get(2).voided("wrong table", "clara", "mia");
        order.setDiscount(DiscountType.PERCENT, d("10"), "regular", "mia");
        order.reprice();
        order.paid(d("20.00"), BigDecimal.ZERO);
        order.paid(order.balance(), BigDecimal.ZERO);
        order.refunded(d("5.00"));
        return stored(order, 4711, "2026-12-07T19:30:00Z");
    }

    static List<PaymentView> tenders(Order order) {
        BigDecimal card = order.getPaid().subtract(d("20.00"));
        return List.of(
                new PaymentView(1, "CASH", d("20.00"), d("0.00"), d("50.00"), d("30.00"), d("0.00"), "SUCCEEDED", null, null,
                        null),
                new PaymentView(2, "CARD", card, d("0.00"), null, null, null, "DECLINED", null, "card_declined", null),
                new PaymentView(3, "CARD", card, d("0.00"), null, null, d("5.00"), "SUCCEEDED", "ch_1234567890abcd", null,
                        null));
    }

    static List<Row> rows(Receipt r, Kind kind) {
        return r.rows().stream().filter(row -> row.kind() == kind).toList();
    }

    @Test
    void theReceiptNamesTheSellerAndTheOrderAndShowsTheVatPerRateAddingUpToTheTotals() throws Exception {
        Order order = check();
        Receipt r = Receipt.of(order, tenders(order), MITTE, "T5", "Clara Cashier");

        assertEquals(List.of("Bistro Mitte", "Torstrasse 1, Berlin", "Tax ID DE123456789",
                "Order 4711  2026-12-07 20:30", "DINE IN  PARTIALLY REFUNDED", "Table: T5", "Cashier: Clara Cashier"),
                r.heading(), "the time is the outlet's (Berlin), not UTC");

        // the items with their amounts as sold (the modifiers priced in) and the code of their rate; not the voided wine
        assertEquals(List.of(List.of("2 x Burger", "21.80 A"), List.of("1 x Lemonade", "3.50 B")),
                rows(r, Kind.ITEM).stream().map(Row::cells).toList());
        assertEquals(List.of(List.of("+ Cheese"), List.of("+ Rare")), rows(r, Kind.PART).stream().map(Row::cells).toList(),
                "a modifier is a part of its item: named, no amount of its own");
        int burger = r.rows().indexOf(rows(r, Kind.ITEM).get(0));
        assertEquals(Kind.PART, r.rows().get(burger + 1).kind(), "the parts follow their item");

        // 25.30 less 10 % (2.53: 2.18 on the burgers, 0.35 on the lemonade); burgers 19.62 incl. 19 % (tax 3.13),
        // lemonade 3.15 plus 7 % (0.2205 -> 0.22)
        assertEquals(List.of(List.of("Subtotal", "25.30"), List.of("Discount (regular)", "-2.53"), List.of("VAT added", "0.22")),
                rows(r, Kind.LINE).subList(0, 3).stream().map(Row::cells).toList());
        assertEquals(List.of("Total EUR", "22.99"), rows(r, Kind.TOTAL).get(0).cells());
        assertEquals(order.getTotal(), d("22.99"));
        assertEquals(List.of("VAT rate", "Net", "VAT", "Gross"), rows(r, Kind.VAT_HEAD).get(0).cells());
        assertEquals(List.of(List.of("A 19%", "16.49", "3.13", "19.62"), List.of("B 7%", "3.15", "0.22", "3.37")),
                rows(r, Kind.VAT).stream().map(Row::cells).toList());
        List<String> sum = rows(r, Kind.VAT_SUM).get(0).cells();
        assertEquals(List.of("Sum", "19.64", "3.35", "22.99"), sum);
        assertEquals(order.getTaxTotal(), d(sum.get(2)), "the rates' VAT is the order's");
        assertEquals(order.getTotal(), d(sum.get(3)), "the rates' gross is the order's total");
        BigDecimal[] columns = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        rows(r, Kind.VAT).forEach(row -> {
            for (int i = 0; i < 3; i++) {
                columns[i] = columns[i].add(d(row.cells().get(i + 1)));
            }
            assertEquals(d(row.cells().get(3)), d(row.cells().get(1)).add(d(row.cells().get(2))), "net + VAT = gross");
        });
        assertEquals(List.of(d(sum.get(1)), d(sum.get(2)), d(sum.get(3))), List.of(columns));

        // the tenders that took money, with the change of cash and what was refunded; not the declined card
        List<List<String>> paid = r.rows().subList(r.rows().indexOf(rows(r, Kind.VAT_SUM).get(0)) + 2, r.rows().size())
                .stream().map(Row::cells).toList();
        assertEquals(List.of(List.of("CASH", "20.00"), List.of("tendered", "50.00"), List.of("change", "30.00"),
                List.of("CARD ...7890abcd", "2.99"),
                List.of("refunded", "-5.00"), List.of("Refunded", "-5.00"), List.of("Balance", "0.00")), paid);
    }

    @Test
    void withoutTableCashierOrTaxIdTheReceiptLeavesThemOut() throws Exception {
        Order order = stored(new Order(1, Channel.TAKEAWAY, null, null, "EUR", "partner:x"), 12, "2026-06-30T22:15:00Z");
        order.addLine(line("Soup", 1, "4.50", "7", true));
        order.reprice();
        OutletView noTaxId = new OutletView(1, "Bistro Mitte", null, null, "Europe/Berlin", "EUR", true, 0, null, null);
        Receipt r = Receipt.of(order, List.of(), noTaxId, null, null);
        assertEquals(List.of("Bistro Mitte", "Order 12  2026-07-01 00:15", "TAKEAWAY  OPEN"), r.heading());
        assertEquals(List.of(List.of("A 7%", "4.21", "0.29", "4.50")), rows(r, Kind.VAT).stream().map(Row::cells).toList());
        assertTrue(r.rows().stream().noneMatch(row -> row.cells().contains("VAT added")), "every rate includes its tax");
        assertEquals(List.of("Balance", "4.50"), r.rows().get(r.rows().size() - 1).cells());
    }

    @Test
    void theHtmlHasAPrintButtonAReceiptWidthPrintStyleAndEveryRow() throws Exception {
        Order order = check();
        Receipt r = Receipt.of(order, tenders(order), MITTE, "T5", "Clara Cashier");
        String html = Receipts.html(r);
        assertTrue(html.startsWith("<!DOCTYPE html><html lang=\"en\">"), html);
        assertTrue(html.contains("<button type=\"button\" id=\"print\" class=\"print\" onclick=\"window.print()\">Print</button>"),
                html);
        int print = html.indexOf("@media print{");
        assertTrue(print > 0, "a print stylesheet");
        String printed = html.substring(print, html.indexOf("</style>"));
        assertTrue(printed.contains("width:76mm") && printed.contains(".actions{display:none}"),
                "on paper the roll's width, without the button: " + printed);
        assertTrue(html.contains("<tr class=\"vat\"><td>A 19%</td><td class=\"r\">16.49</td><td class=\"r\">3.13</td>"
                + "<td class=\"r\">19.62</td></tr>"), html);
        assertTrue(html.contains("<tr class=\"part\"><td colspan=\"4\">+ Cheese</td></tr>"), "no amount beside a part");
        assertTrue(html.contains("<tr class=\"sep\"><td colspan=\"4\"><div class=\"rule\"></div></td></tr>"), html);
        assertTrue(html.contains("<p>Tax ID DE123456789</p>") && html.contains("<p>Cashier: Clara Cashier</p>")
                && html.contains("<p>Table: T5</p>"), html);
        assertFalse(html.contains("Wine"), "a voided line is not on the receipt");
        assertFalse(html.toLowerCase().contains("email"), "no e-mail until there is a way to send one");
        Receipt hostile = new Receipt(List.of("<b>Bistro</b> & \"Bar\""), List.of(Row.of(Kind.PART, "+ <script>")));
        String escaped = Receipts.html(hostile);
        assertTrue(escaped.contains("<h1>&lt;b&gt;Bistro&lt;/b&gt; &amp; &quot;Bar&quot;</h1>")
                && escaped.contains("+ &lt;script&gt;"), escaped);
    }

    @Test
    void thePdfShowsTheSameRows() throws Exception {
        Order order = check();
        Receipt r = Receipt.of(order, tenders(order), MITTE, "T5", "Clara Cashier");
        String text = pdfText(Receipts.pdf(r));
        for (String h : r.heading()) {
            assertTrue(text.contains(h), h + " in\n" + text);
        }
        for (Row row : r.rows()) {
            for (String cell : row.cells()) {
                assertTrue(text.contains(cell), cell + " in\n" + text);
            }
        }
        assertTrue(text.matches("(?s).*A 19%\\s+16\\.49\\s+3\\.13\\s+19\\.62.*"), text);
        assertTrue(text.matches("(?s).*B 7%\\s+3\\.15\\s+0\\.22\\s+3\\.37.*"), text);
        assertTrue(text.matches("(?s).*Sum\\s+19\\.64\\s+3\\.35\\s+22\\.99.*"), text);
        assertFalse(text.contains("Wine"));
        try (PDDocument document = Loader.loadPDF(Receipts.pdf(r))) {
            assertEquals(1, document.getNumberOfPages());
        }
    }

    @Test
    void aNameTooLongForTheRollWrapsInThePdfAndKeepsItsAmount() throws Exception {
        Order order = stored(new Order(1, Channel.TAKEAWAY, null, null, "EUR", "clara"), 13, "2026-12-07T12:00:00Z");
        order.addLine(line("Slow-roasted organic free-range chicken with seasonal vegetables", 1, "24.50", "7", true));
        order.reprice();
        String text = pdfText(Receipts.pdf(Receipt.of(order, List.of(), MITTE, null, null)));
        // 43 characters to a line of the roll: the name breaks at a space before the amount
        assertTrue(text.matches("(?s).*\n1 x Slow-roasted organic free-range\\s+24\\.50 A\\s*\n\\s*chicken with seasonal vegetables\\s*\n.*"),
                text);
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
