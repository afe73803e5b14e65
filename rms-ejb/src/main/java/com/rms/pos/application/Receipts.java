package com.rms.pos.application;

import com.rms.payment.application.PaymentView;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.OutletView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The guest's receipt of an order, as HTML (for the screen and the browser's print) and as PDF (to
 * send or archive): outlet, order, lines with modifiers, totals and tax, tenders with change,
 * refunds. Both are rendered from the same rows so they always agree.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Receipts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    OrderQueries orders;

    @Inject
    OutletDirectory outlets;

    /** A receipt as rows of (left, right) text, the first rows being the heading. */
    record Receipt(List<String> heading, List<String[]> rows) {
    }

    public String html(long orderId) {
        Receipt r = receipt(orderId);
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Receipt</title><style>body{font-family:monospace;max-width:24em;margin:1em auto}"
                + "h1{font-size:1.1em;text-align:center}p{text-align:center;margin:0}table{width:100%;border-collapse:collapse}"
                + "td.r{text-align:right}tr.sep td{border-top:1px dashed #000}</style></head><body><h1>")
                .append(escape(r.heading().get(0))).append("</h1>");
        r.heading().stream().skip(1).forEach(h -> html.append("<p>").append(escape(h)).append("</p>"));
        html.append("<table>");
        for (String[] row : r.rows()) {
            if (row[0].isEmpty() && row[1].isEmpty()) {
                html.append("<tr class=\"sep\"><td></td><td></td></tr>");
            } else {
                html.append("<tr><td>").append(escape(row[0])).append("</td><td class=\"r\">").append(escape(row[1]))
                        .append("</td></tr>");
            }
        }
        return html.append("</table></body></html>").toString();
    }

    public byte[] pdf(long orderId) {
        Receipt r = receipt(orderId);
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.COURIER);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
        float width = 226;
        float lineHeight = 11;
        float height = Math.max(200, 40 + lineHeight * (r.heading().size() + r.rows().size() + 2));
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(width, height));
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                float y = height - 20;
                boolean first = true;
                for (String h : r.heading()) {
                    PDType1Font f = first ? bold : font;
                    float size = first ? 10 : 8;
                    String line = printable(f, h);
                    float x = Math.max(8, (width - f.getStringWidth(line) / 1000 * size) / 2);
                    write(text, f, size, x, y, line);
                    y -= lineHeight;
                    first = false;
                }
                y -= lineHeight / 2;
                for (String[] row : r.rows()) {
                    if (row[0].isEmpty() && row[1].isEmpty()) {
                        write(text, font, 8, 8, y, "-".repeat(42));
                    } else {
                        write(text, font, 8, 8, y, printable(font, row[0]));
                        String right = printable(font, row[1]);
                        write(text, font, 8, width - 8 - font.getStringWidth(right) / 1000 * 8, y, right);
                    }
                    y -= lineHeight;
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the receipt of order " + orderId, e);
        }
    }

    private Receipt receipt(long orderId) {
        OrderView o = orders.get(orderId);
        OutletView outlet = outlets.get(o.outletId());
        List<String> heading = new ArrayList<>();
        heading.add(outlet.name());
        if (outlet.address() != null && !outlet.address().isBlank()) {
            heading.add(outlet.address());
        }
        ZoneId zone = ZoneId.of(outlet.timezone());
        heading.add("Order " + o.number() + "  " + WHEN.format(o.createdAt().atZoneSameInstant(zone)));
        heading.add(o.channel().replace('_', ' ') + "  " + o.status());
        List<String[]> rows = new ArrayList<>();
        String c = o.currency();
        for (OrderLineView l : o.lines()) {
            if (!"ACTIVE".equals(l.status())) {
                continue;
            }
            rows.add(new String[] {l.quantity() + " x " + l.name(), l.amount().toPlainString()});
            for (LineModifierView m : l.modifiers()) {
                rows.add(new String[] {"   + " + m.name(), m.priceDelta().signum() == 0 ? "" : m.priceDelta().toPlainString()});
            }
        }
        rows.add(new String[] {"", ""});
        rows.add(new String[] {"Subtotal", o.subtotal().toPlainString()});
        if (o.discountTotal().signum() > 0) {
            rows.add(new String[] {"Discount" + (o.discount() == null ? "" : " (" + o.discount().reason() + ")"),
                "-" + o.discountTotal().toPlainString()});
        }
        rows.add(new String[] {"Tax", o.taxTotal().toPlainString()});
        rows.add(new String[] {"Total " + c, o.total().toPlainString()});
        if (o.tips().signum() > 0) {
            rows.add(new String[] {"Tips", o.tips().toPlainString()});
        }
        rows.add(new String[] {"", ""});
        for (PaymentView p : o.payments()) {
            if (!"SUCCEEDED".equals(p.status())) {
                continue;
            }
            rows.add(new String[] {p.method() + (p.providerRef() == null ? "" : " " + shortRef(p.providerRef())),
                p.amount().add(p.tip()).toPlainString()});
            if (p.tendered() != null && p.change() != null && p.change().signum() > 0) {
                rows.add(new String[] {"   tendered", p.tendered().toPlainString()});
                rows.add(new String[] {"   change", p.change().toPlainString()});
            }
        }
        if (o.refunded().signum() > 0) {
            rows.add(new String[] {"Refunded", "-" + o.refunded().toPlainString()});
        }
        rows.add(new String[] {"Balance", o.balance().toPlainString()});
        return new Receipt(heading, rows);
    }

    private static String shortRef(String ref) {
        return ref.length() <= 10 ? ref : "..." + ref.substring(ref.length() - 8);
    }

    private static void write(PDPageContentStream text, PDType1Font font, float size, float x, float y, String line)
            throws IOException {
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

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
