package com.rms.analytics.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The outputs of a run's rows: CSV quoting and formula guard, JSON rows, a PDF of several pages. */
class ReportRowsTest {

    private static final List<String> COLUMNS = List.of("outletId", "section", "key", "orders", "gross");

    private static ReportRows.Stored row(String key, long orders, String gross) {
        return new ReportRows.Stored(7, "item", key, ReportRows.toJson(Map.of("orders", orders, "gross", new BigDecimal(gross))));
    }

    @Test
    void csvQuotesAndGuardsCells() {
        String csv = new String(ReportRows.csv(COLUMNS, List.of(row("Fish, chips", 2, "12.50"), row("=HYPERLINK(1)", 1,
                "-3.00"), row("Say \"hi\"", 0, "0.00"))), StandardCharsets.UTF_8);
        assertEquals("outletId,section,key,orders,gross\r\n"
                + "7,item,\"Fish, chips\",2,12.50\r\n"
                + "7,item,'=HYPERLINK(1),1,-3.00\r\n"
                + "7,item,\"Say \"\"hi\"\"\",0,0.00\r\n", csv);
    }

    @Test
    void jsonHasTheSameRowsAsObjects() {
        String json = new String(ReportRows.json(COLUMNS, List.of(row("Soup", 3, "9.00"))), StandardCharsets.UTF_8);
        assertEquals("{\"rows\":[{\"outletId\":7,\"section\":\"item\",\"key\":\"Soup\",\"orders\":3,\"gross\":9.00}]}", json);
    }

    @Test
    void pdfHasAPageForEachScreenfulOfRows() throws java.io.IOException {
        List<ReportRows.Stored> rows = java.util.stream.IntStream.range(0, 120).mapToObj(i -> row("Item " + i + " \u20ac", i, "1.00"))
                .toList();
        byte[] pdf = ReportRows.pdf("daily-sales 2026-12-06", COLUMNS, rows);
        assertTrue(new String(pdf, StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertEquals(3, document.getNumberOfPages(), "44 rows a page");
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertTrue(text.contains("page 3 of 3"), text);
            assertTrue(text.contains("Item 119 ?"), "what the standard fonts cannot draw is a question mark");
        }
    }
}
