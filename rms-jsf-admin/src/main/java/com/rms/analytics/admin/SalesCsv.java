package com.rms.analytics.admin;

import com.rms.analytics.application.SalesRow;
import com.rms.analytics.reports.ReportRows;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * The sales page's table as CSV: every group of the report (not one page of the table) and the
 * totals row, a header, amounts as plain decimals, UTF-8. Text goes through the reports' cell
 * guard ({@link ReportRows#csvCell}), so a name a spreadsheet would run as a formula is quoted.
 */
final class SalesCsv {

    static final String HEADER = "key,name,orders,quantity,net,tax,gross";

    private SalesCsv() {
    }

    /** {@code sales-<groupBy>-<from>-<to>.csv}. */
    static String fileName(String groupBy, LocalDate from, LocalDate to) {
        return "sales-" + groupBy + "-" + from + "-" + to + ".csv";
    }

    static byte[] of(String groupBy, List<SalesRow> rows, SalesRow totals) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (SalesRow row : rows) {
            line(csv, row.key(), SalesLabels.of(groupBy, row), row);
        }
        if (totals != null) {
            line(csv, "total", "Total", totals);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, String key, String name, SalesRow row) {
        csv.append(ReportRows.csvCell(key == null ? "" : key)).append(',')
                .append(ReportRows.csvCell(name == null ? "" : name)).append(',')
                .append(row.orders()).append(',').append(row.quantity()).append(',')
                .append(row.net().toPlainString()).append(',').append(row.tax().toPlainString()).append(',')
                .append(row.gross().toPlainString()).append("\r\n");
    }
}
