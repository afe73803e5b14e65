package com.rms.analytics.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rms.analytics.application.SalesRow;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesCsvTest {

    private static SalesRow row(String key, String label, long quantity, String net, String tax, String gross, long orders) {
        return new SalesRow(key, label, quantity, new BigDecimal(net), new BigDecimal(tax), new BigDecimal(gross), orders);
    }

    @Test
    void everyRowThenTheTotalsWithPlainDecimals() {
        List<SalesRow> rows = List.of(row("7", "Burger", 2, "16.64", "3.16", "19.80", 1),
                row("9", "Lemonade", 3, "10.50", "0.74", "11.24", 1));
        String csv = new String(SalesCsv.of("item", rows, row("total", "Total", 5, "27.14", "3.90", "31.04", 2)),
                StandardCharsets.UTF_8);
        assertEquals("key,name,orders,quantity,net,tax,gross\r\n"
                + "7,Burger,1,2,16.64,3.16,19.80\r\n"
                + "9,Lemonade,1,3,10.50,0.74,11.24\r\n"
                + "total,Total,2,5,27.14,3.90,31.04\r\n", csv);
    }

    @Test
    void amountsAreNeverInScientificNotation() {
        String csv = new String(SalesCsv.of("day", List.of(row("2025-01-31", "2025-01-31", 0, "1E+3", "0E-2", "-5.00", 0)),
                null), StandardCharsets.UTF_8);
        assertEquals("key,name,orders,quantity,net,tax,gross\r\n2025-01-31,2025-01-31,0,0,1000,0.00,-5.00\r\n", csv);
    }

    @Test
    void formulasAreDefusedAndCommasQuotedAndTextStaysUtf8() {
        List<SalesRow> rows = List.of(
                row("1", "=HYPERLINK(\"http://x\")", 1, "1.00", "0.00", "1.00", 1),
                row("2", "+1 Special", 1, "1.00", "0.00", "1.00", 1),
                row("3", "-Minus", 1, "1.00", "0.00", "1.00", 1),
                row("4", "@SUM(A1)", 1, "1.00", "0.00", "1.00", 1),
                row("5", "Käse, groß", 1, "1.00", "0.00", "1.00", 1));
        String[] lines = new String(SalesCsv.of("item", rows, null), StandardCharsets.UTF_8).split("\r\n");
        assertEquals("1,\"'=HYPERLINK(\"\"http://x\"\")\",1,1,1.00,0.00,1.00", lines[1]);
        assertEquals("2,'+1 Special,1,1,1.00,0.00,1.00", lines[2]);
        assertEquals("3,'-Minus,1,1,1.00,0.00,1.00", lines[3]);
        assertEquals("4,'@SUM(A1),1,1,1.00,0.00,1.00", lines[4]);
        assertEquals("5,\"Käse, groß\",1,1,1.00,0.00,1.00", lines[5]);
    }

    @Test
    void hoursAreNamedAsOnThePageAndTheFileAfterWhatIsShown() {
        String csv = new String(SalesCsv.of("hour", List.of(row("9", "9", 1, "2.00", "0.00", "2.00", 1)), null),
                StandardCharsets.UTF_8);
        assertEquals("9,09:00,1,1,2.00,0.00,2.00", csv.split("\r\n")[1]);
        assertEquals("sales-item-2025-01-01-2025-01-31.csv",
                SalesCsv.fileName("item", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31)));
    }
}
