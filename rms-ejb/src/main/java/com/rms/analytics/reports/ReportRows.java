package com.rms.analytics.reports;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A finished run's rows (each the JSON object of its columns) rendered as the outputs of
 * {@code GET /reports/runs/{id}/output}: CSV with the job's columns, JSON {@code {rows: [...]}}, and
 * a PDF laid out for print (A4 landscape, a title, the columns, page numbers).
 */
public final class ReportRows {

    private ReportRows() {
    }

    /** The JSON object of one row's values, numbers kept as the exact decimals they are. */
    static JsonObject toJson(Map<String, Object> values) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        values.forEach((column, value) -> {
            if (value == null) {
                json.addNull(column);
            } else if (value instanceof BigDecimal d) {
                json.add(column, d);
            } else if (value instanceof Long || value instanceof Integer) {
                json.add(column, ((Number) value).longValue());
            } else {
                json.add(column, value.toString());
            }
        });
        return json.build();
    }

    /** A stored row with the columns every report has. */
    record Stored(long outletId, String section, String key, JsonObject data) {

        String cell(String column) {
            return switch (column) {
                case "outletId" -> Long.toString(outletId);
                case "section" -> section;
                case "key" -> key;
                default -> {
                    JsonValue value = data.get(column);
                    yield value == null || value.getValueType() == JsonValue.ValueType.NULL ? ""
                            : value.getValueType() == JsonValue.ValueType.STRING ? data.getString(column) : value.toString();
                }
            };
        }
    }

    static byte[] csv(List<String> columns, List<Stored> rows) {
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append("\r\n");
        for (Stored row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(csvCell(row.cell(columns.get(i))));
            }
            csv.append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * RFC 4180 quoting; a cell a spreadsheet would run as a formula is prefixed with a quote. Public
     * for the back office's own CSV downloads (the sales analysis page), so there is one guard.
     */
    public static String csvCell(String value) {
        String cell = value;
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !isNumber(cell)) {
            cell = "'" + cell;
        }
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }

    private static boolean isNumber(String cell) {
        try {
            new BigDecimal(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static byte[] json(List<String> columns, List<Stored> rows) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Stored row : rows) {
            JsonObjectBuilder object = Json.createObjectBuilder().add("outletId", row.outletId())
                    .add("section", row.section()).add("key", row.key());
            for (String column : columns.subList(3, columns.size())) {
                object.add(column, row.data().getOrDefault(column, JsonValue.NULL));
            }
            array.add(object);
        }
        return Json.createObjectBuilder().add("rows", array).build().toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final float MARGIN = 36;
    private static final float SIZE = 8;
    private static final float LEADING = 11;

    /** The rows as a printable table, as many A4 landscape pages as it takes. */
    static byte[] pdf(String title, List<String> columns, List<Stored> rows) {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.COURIER);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
        PDRectangle a4 = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
        int perPage = (int) ((a4.getHeight() - 2 * MARGIN - 3 * LEADING) / LEADING);
        List<List<Stored>> pages = new ArrayList<>();
        for (int i = 0; i < Math.max(rows.size(), 1); i += perPage) {
            pages.add(rows.subList(Math.min(i, rows.size()), Math.min(i + perPage, rows.size())));
        }
        int[] widths = widths(columns, rows);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(a4);
                document.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                    float y = a4.getHeight() - MARGIN;
                    line(text, bold, MARGIN, y, printable(title + "   page " + (p + 1) + " of " + pages.size()));
                    y -= 2 * LEADING;
                    line(text, bold, MARGIN, y, printable(format(columns, widths, columns)));
                    for (Stored row : pages.get(p)) {
                        y -= LEADING;
                        List<String> cells = columns.stream().map(row::cell).toList();
                        line(text, font, MARGIN, y, printable(format(cells, widths, columns)));
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("rendering the report's PDF failed", e);
        }
    }

    /** Each column as wide as its widest cell, at most 40 characters (the key may be an item's name). */
    private static int[] widths(List<String> columns, List<Stored> rows) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = columns.get(i).length();
            for (Stored row : rows) {
                widths[i] = Math.min(40, Math.max(widths[i], row.cell(columns.get(i)).length()));
            }
        }
        return widths;
    }

    private static String format(List<String> cells, int[] widths, List<String> columns) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell.length() > widths[i]) {
                cell = cell.substring(0, widths[i] - 1) + "~";
            }
            boolean right = i >= 3 && !cell.isEmpty() && isNumber(cell);
            line.append(right ? " ".repeat(widths[i] - cell.length()) + cell : cell + " ".repeat(widths[i] - cell.length()));
            line.append("  ");
        }
        return line.toString().stripTrailing();
    }

    private static void line(PDPageContentStream text, PDType1Font font, float x, float y, String line) throws IOException {
        text.beginText();
        text.setFont(font, SIZE);
        text.newLineAtOffset(x, y);
        text.showText(line);
        text.endText();
    }

    /** What the standard PDF fonts can draw (WinAnsi); anything else becomes '?'. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f || c >= 0xa0 && c <= 0xff ? (char) c : '?'));
        return out.toString();
    }
}
