package com.rms.pos.application;

import com.rms.payment.application.PaymentView;
import com.rms.payment.application.Payments;
import com.rms.pos.application.Receipt.Kind;
import com.rms.pos.application.Receipt.Row;
import com.rms.pos.domain.Order;
import com.rms.staff.application.StaffDirectory;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.OutletView;
import com.rms.tenancy.application.TableView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The guest's receipt of an order ({@link Receipt}), as HTML (for the screen, with a Print button
 * and a print stylesheet the width of an 80 mm till roll) and as PDF (to send or archive, a page
 * 80 mm wide). Both draw the same rows, so they always agree.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Receipts {

    /**
     * The language of the receipt's page: neither outlets nor tenants have a locale yet, and the
     * receipt's words are English.
     */
    static final String LANG = "en";

    /** The PDF's page: 80 mm (226 pt) wide, Courier 8 pt (4.8 pt a character), 8 pt margins. */
    private static final float WIDTH = 226;
    private static final float MARGIN = 8;
    private static final float SIZE = 8;
    private static final float LINE_HEIGHT = 11;
    private static final int CHARS = (int) ((WIDTH - 2 * MARGIN) / (SIZE * 0.6f));
    /** Where the VAT table's net, tax and gross columns end. */
    private static final float[] VAT_COLUMNS = {112, 162, WIDTH - MARGIN};

    private static final String STYLE = "body{font-family:monospace;max-width:26em;margin:1em auto;padding:0 .5em}"
            + "h1{font-size:1.1em;text-align:center;margin:0 0 .2em}p{text-align:center;margin:0}"
            + "table{width:100%;border-collapse:collapse;margin-top:.5em}td{padding:0;vertical-align:top}"
            + "td.r{text-align:right;white-space:nowrap}tr.part td,tr.detail td{padding-left:1.5em}"
            + "tr.total td{font-weight:bold;font-size:1.15em}tr.sep td{padding:.3em 0}div.rule{border-top:1px dashed #000}"
            + "tr.vat-head td{font-weight:bold;padding-top:.5em}tr.vat-sum td{border-top:1px solid #000}"
            + ".actions{text-align:center;margin:1.5em 0}"
            + "button.print{font:inherit;font-size:1.2em;padding:.6em 2.5em;cursor:pointer}"
            // on paper: the till roll's width, no button, no margins of the screen
            + "@media print{@page{margin:2mm}body{width:76mm;max-width:none;margin:0;padding:0;font-size:9pt}"
            + ".actions{display:none}}";

    @Inject
    OrderQueries orders;

    @Inject
    Payments payments;

    @Inject
    OutletDirectory outlets;

    @Inject
    StaffDirectory staff;

    public String html(long orderId) {
        return html(receipt(orderId));
    }

    public byte[] pdf(long orderId) {
        try {
            return pdf(receipt(orderId));
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the receipt of order " + orderId, e);
        }
    }

    /**
     * The receipt of an order the caller may see (404 otherwise): its outlet, its table, and the name
     * of who took it as the staff directory knows them.
     */
    Receipt receipt(long orderId) {
        Order order = orders.find(orderId);
        OutletView outlet = outlets.get(order.getOutletId());
        String table = order.getTableId() == null ? null : outlets.tables(order.getOutletId()).stream()
                .filter(t -> t.id() == order.getTableId()).map(TableView::label).findFirst().orElse(null);
        String cashier = staff.nameOf(order.getCreatedBy()).orElse(null);
        List<PaymentView> tenders = payments.forOrders(List.of(order.getId())).getOrDefault(order.getId(), List.of());
        return Receipt.of(order, tenders, outlet, table, cashier);
    }

    static String html(Receipt r) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"" + LANG + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Receipt</title><style>" + STYLE + "</style></head><body><h1>")
                .append(escape(r.heading().get(0))).append("</h1>");
        r.heading().stream().skip(1).forEach(h -> html.append("<p>").append(escape(h)).append("</p>"));
        html.append("<table>");
        for (Row row : r.rows()) {
            List<String> c = row.cells();
            switch (row.kind()) {
                case RULE -> html.append("<tr class=\"sep\"><td colspan=\"4\"><div class=\"rule\"></div></td></tr>");
                case PART -> html.append("<tr class=\"part\"><td colspan=\"4\">").append(escape(c.get(0))).append("</td></tr>");
                case VAT_HEAD, VAT, VAT_SUM -> {
                    html.append("<tr class=\"").append(cssClass(row.kind())).append("\">")
                            .append("<td>").append(escape(c.get(0))).append("</td>");
                    c.stream().skip(1).forEach(cell -> html.append("<td class=\"r\">").append(escape(cell)).append("</td>"));
                    html.append("</tr>");
                }
                default -> html.append("<tr class=\"").append(cssClass(row.kind())).append("\"><td colspan=\"3\">")
                        .append(escape(c.get(0))).append("</td><td class=\"r\">").append(escape(c.get(1))).append("</td></tr>");
            }
        }
        return html.append("</table><div class=\"actions\"><button type=\"button\" id=\"print\" class=\"print\""
                + " onclick=\"window.print()\">Print</button></div></body></html>").toString();
    }

    static byte[] pdf(Receipt r) throws IOException {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.COURIER);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
        List<List<Row>> lines = new ArrayList<>();
        r.rows().forEach(row -> lines.add(wrapped(row)));
        int count = r.heading().size() + lines.stream().mapToInt(List::size).sum();
        float height = Math.max(200, 40 + LINE_HEIGHT * (count + 2));
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(WIDTH, height));
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                float y = height - 20;
                boolean first = true;
                for (String h : r.heading()) {
                    PDType1Font f = first ? bold : font;
                    float size = first ? 10 : SIZE;
                    String line = printable(f, h);
                    write(text, f, size, Math.max(MARGIN, (WIDTH - width(f, size, line)) / 2), y, line);
                    y -= LINE_HEIGHT;
                    first = false;
                }
                y -= LINE_HEIGHT / 2;
                for (List<Row> row : lines) {
                    for (Row part : row) {
                        draw(text, part, part.kind() == Kind.TOTAL || part.kind() == Kind.VAT_HEAD ? bold : font, y);
                        y -= LINE_HEIGHT;
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A row whose text is too long for the roll as rows of one line each (the amount stays on the first). */
    private static List<Row> wrapped(Row row) {
        if (row.kind() == Kind.RULE || row.kind() == Kind.VAT_HEAD || row.kind() == Kind.VAT
                || row.kind() == Kind.VAT_SUM) {
            return List.of(row);
        }
        String indent = row.kind() == Kind.PART || row.kind() == Kind.DETAIL ? "   " : "";
        String left = indent + row.cells().get(0);
        String right = row.cells().size() > 1 ? row.cells().get(1) : "";
        int room = Math.max(8, CHARS - right.length() - 1);
        List<Row> out = new ArrayList<>();
        while (left.length() > room) {
            int cut = left.lastIndexOf(' ', room);
            cut = cut <= indent.length() + 1 ? room : cut;
            out.add(Row.of(row.kind(), left.substring(0, cut), out.isEmpty() ? right : ""));
            left = indent + "  " + left.substring(cut).strip();
        }
        out.add(Row.of(row.kind(), left, out.isEmpty() ? right : ""));
        return out;
    }

    private static void draw(PDPageContentStream text, Row row, PDType1Font font, float y) throws IOException {
        List<String> c = row.cells();
        switch (row.kind()) {
            case RULE -> write(text, font, SIZE, MARGIN, y, "-".repeat(CHARS));
            case VAT_HEAD, VAT, VAT_SUM -> {
                write(text, font, SIZE, MARGIN, y, printable(font, c.get(0)));
                for (int i = 1; i < c.size(); i++) {
                    String cell = printable(font, c.get(i));
                    write(text, font, SIZE, VAT_COLUMNS[i - 1] - width(font, SIZE, cell), y, cell);
                }
            }
            default -> {
                write(text, font, SIZE, MARGIN, y, printable(font, c.get(0)));
                String right = printable(font, c.get(1));
                write(text, font, SIZE, WIDTH - MARGIN - width(font, SIZE, right), y, right);
            }
        }
    }

    private static float width(PDType1Font font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    private static void write(PDPageContentStream text, PDType1Font font, float size, float x, float y, String line)
            throws IOException {
        if (line.isEmpty()) {
            return;
        }
        text.beginText();
        text.setFont(font, size);
        text.newLineAtOffset(x, y);
        text.showText(line);
        text.endText();
    }

    /** The text with every character the standard font cannot draw replaced by '?'. */
    private static String printable(PDType1Font font, String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static String cssClass(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
