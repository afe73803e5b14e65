package com.rms.pos.application;

import com.rms.payment.application.PaymentView;
import com.rms.platform.text.Money;
import com.rms.pos.domain.Order;
import com.rms.pos.domain.OrderLine;
import com.rms.pos.domain.TaxBreakdown;
import com.rms.tenancy.application.OutletView;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a guest's receipt says, as an EU receipt says it, in rows that the HTML and the PDF both draw
 * (so they always agree): the seller (outlet, address, tax id), the order (number, date and time in
 * the outlet's zone, table, cashier), the items, the totals, the VAT per rate (net, tax, gross, and
 * their sums), the tenders with change, and refunds.
 *
 * <p>Each item is one row with its amount, which includes its modifiers (the price as sold); the
 * modifiers are named under it as parts of the item, without an amount of their own, so the column
 * of amounts adds up to the subtotal. The code after an amount (A, B, ...) is the item's VAT rate in
 * the table of rates.
 *
 * @param heading the seller and the order, one line each, the outlet's name first
 */
record Receipt(List<String> heading, List<Row> rows) {

    /** How a row is drawn. */
    enum Kind {
        /** An item sold: what and how many, its amount and its rate's code. */
        ITEM,
        /** A modifier of the item above: a part of it, no amount of its own. */
        PART,
        /** A label and an amount. */
        LINE,
        /** A detail of the row above (tendered, change, refunded): indented, with an amount. */
        DETAIL,
        /** The total to pay. */
        TOTAL,
        /** The heads of the VAT table: rate, net, tax, gross. */
        VAT_HEAD,
        /** One VAT rate: code and rate, net, tax, gross. */
        VAT,
        /** The sums of the VAT table. */
        VAT_SUM,
        /** A dashed rule between the parts. */
        RULE
    }

    /** One row: its kind and its cells (one to four, by kind). */
    record Row(Kind kind, List<String> cells) {
        Row {
            cells = List.copyOf(cells);
        }

        static Row of(Kind kind, String... cells) {
            return new Row(kind, List.of(cells));
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    Receipt {
        heading = List.copyOf(heading);
        rows = List.copyOf(rows);
    }

    /**
     * The receipt of an order, from the lines and totals the server priced: {@code tenders} are the
     * order's (as {@code Payments} records them), {@code table} the table's label and {@code cashier}
     * the name of who took the order, each null when there is none.
     */
    static Receipt of(Order order, List<PaymentView> tenders, OutletView outlet, String table, String cashier) {
        int scale = order.scale();
        List<String> heading = new ArrayList<>();
        heading.add(outlet.name());
        if (outlet.address() != null && !outlet.address().isBlank()) {
            heading.add(outlet.address());
        }
        if (outlet.taxId() != null) {
            heading.add("Tax ID " + outlet.taxId());
        }
        heading.add("Order " + order.getId() + "  "
                + WHEN.format(order.getCreatedAt().atZoneSameInstant(ZoneId.of(outlet.timezone()))));
        heading.add(order.getChannel().name().replace('_', ' ') + "  " + order.getStatus().name().replace('_', ' '));
        if (table != null) {
            heading.add("Table: " + table);
        }
        if (cashier != null) {
            heading.add("Cashier: " + cashier);
        }

        TaxBreakdown vat = TaxBreakdown.of(order);
        List<Row> rows = new ArrayList<>();
        for (OrderLine line : order.activeLines()) {
            rows.add(Row.of(Kind.ITEM, line.getQuantity() + " x " + line.getName(),
                    money(line.getAmount(), scale) + " " + vat.codeOf(line)));
            line.chosenModifiers().forEach(m -> rows.add(Row.of(Kind.PART, "+ " + m.name())));
        }
        rows.add(Row.of(Kind.RULE));
        rows.add(Row.of(Kind.LINE, "Subtotal", money(order.getSubtotal(), scale)));
        if (order.getDiscountTotal().signum() > 0) {
            String reason = order.getDiscountReason() == null ? "" : " (" + order.getDiscountReason() + ")";
            rows.add(Row.of(Kind.LINE, "Discount" + reason, "-" + money(order.getDiscountTotal(), scale)));
        }
        if (vat.addedTax().signum() > 0) {
            rows.add(Row.of(Kind.LINE, "VAT added", money(vat.addedTax(), scale)));
        }
        rows.add(Row.of(Kind.TOTAL, "Total " + order.getCurrency(), money(order.getTotal(), scale)));
        if (!vat.rates().isEmpty()) {
            rows.add(Row.of(Kind.VAT_HEAD, "VAT rate", "Net", "VAT", "Gross"));
            for (TaxBreakdown.Rate r : vat.rates()) {
                rows.add(Row.of(Kind.VAT, r.code() + " " + r.label(), money(r.net(), scale), money(r.tax(), scale),
                        money(r.gross(), scale)));
            }
            rows.add(Row.of(Kind.VAT_SUM, "Sum", money(vat.net(), scale), money(vat.tax(), scale),
                    money(vat.gross(), scale)));
        }
        if (order.getTips().signum() > 0) {
            rows.add(Row.of(Kind.LINE, "Tips", money(order.getTips(), scale)));
        }
        rows.add(Row.of(Kind.RULE));
        for (PaymentView p : tenders) {
            if (!"SUCCEEDED".equals(p.status())) {
                continue;
            }
            rows.add(Row.of(Kind.LINE, p.method() + (p.providerRef() == null ? "" : " " + shortRef(p.providerRef())),
                    money(p.amount().add(p.tip()), scale)));
            if (p.tendered() != null && p.change() != null && p.change().signum() > 0) {
                rows.add(Row.of(Kind.DETAIL, "tendered", money(p.tendered(), scale)));
                rows.add(Row.of(Kind.DETAIL, "change", money(p.change(), scale)));
            }
            if (p.refunded() != null && p.refunded().signum() > 0) {
                rows.add(Row.of(Kind.DETAIL, "refunded", "-" + money(p.refunded(), scale)));
            }
        }
        if (order.getRefunded().signum() > 0) {
            rows.add(Row.of(Kind.LINE, "Refunded", "-" + money(order.getRefunded(), scale)));
        }
        rows.add(Row.of(Kind.LINE, "Balance", money(order.balance(), scale)));
        return new Receipt(heading, rows);
    }

    private static String money(BigDecimal amount, int scale) {
        return Money.scaled(amount, scale).toPlainString();
    }

    private static String shortRef(String ref) {
        return ref.length() <= 10 ? ref : "..." + ref.substring(ref.length() - 8);
    }
}
