package com.rms.analytics.reports;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code daily-sales} report of one outlet: what its business days sold, summed in the database
 * from the sales facts (one per order line and sale event, already booked to the outlet's business
 * day and hour in its time zone), the payments and the refunds.
 *
 * <p>Columns {@code orders quantity net tax gross}: {@code gross} is what the guests paid for the
 * goods (tax included, tips excluded), {@code net = gross - tax}, both after discounts; refunds and
 * re-openings are negative rows of the day they happened. {@code orders} counts completions less
 * re-openings, so an order re-opened and completed again counts once.
 *
 * <p>Section {@code total} has the keys {@code sales}, {@code refunds}, {@code reopened} and
 * {@code all} (their sum), {@code discounts} (what the discounts took off the sold lines, in
 * {@code gross}) and {@code voids} (lines voided on the checks opened that day: how many and what
 * they were worth, never part of the sales). Section {@code tender} has one row per payment method and one per method
 * refunded ({@code CASH:refunds}), in {@code gross}.
 */
@ApplicationScoped
public class DailySales extends SqlReport {

    private static final String MEASURES = "count(distinct case when f.kind = 'SALE' then f.event_id end) "
            + "- count(distinct case when f.kind = 'VOID' then f.event_id end), "
            + "sum(f.quantity), sum(f.net), sum(f.tax), sum(f.gross), count(*)";
    private static final String FACTS = " from sales_fact f where f.outlet_id = ?1 and f.business_day >= ?2 "
            + "and f.business_day <= ?3 ";

    public DailySales() {
        super(List.of("outletId", "section", "key", "orders", "quantity", "net", "tax", "gross"),
                List.of("total", "category", "item", "hour", "staff", "channel", "tax", "tender"));
    }

    @Override
    public Section compute(String section, Scope scope) {
        return switch (section) {
            case "total" -> total(scope);
            case "category" -> grouped(scope, "coalesce(f.category_name, '(none)')", null, FACTS);
            case "item" -> grouped(scope, "f.item_name", "f.sku", FACTS);
            case "hour" -> grouped(scope, "f.business_hour", null, FACTS);
            case "staff" -> grouped(scope, "coalesce(f.staff, '(unknown)')", null, FACTS);
            case "channel" -> grouped(scope, "coalesce(f.channel, '(unknown)')", null, FACTS);
            case "tax" -> grouped(scope, "l.tax_rate", null, " from sales_fact f left join order_line l on l.id = f.line_id "
                    + FACTS.substring(FACTS.indexOf("where")));
            case "tender" -> tender(scope);
            default -> throw new IllegalArgumentException("daily-sales has no section " + section);
        };
    }

    /** Rows grouped by {@code key} (and {@code subKey} when not null: an item's name and its SKU). */
    private Section grouped(Scope scope, String key, String subKey, String from) {
        String keys = subKey == null ? key + ", null" : key + ", " + subKey;
        String groups = subKey == null ? key : key + ", " + subKey;
        List<Object[]> result = facts("select " + keys + ", " + MEASURES + from + "group by " + groups + " order by "
                + groups, scope);
        List<Row> rows = new ArrayList<>();
        long read = 0;
        for (Object[] r : result) {
            rows.add(measures(scope, key(r[0], r[1]), r, 2));
            read += ((Number) r[7]).longValue();
        }
        return new Section(rows, read);
    }

    /** A group's key: the hour as two digits, a tax rate as a percentage, an item as "name (sku)". */
    private static String key(Object key, Object subKey) {
        if (key == null) {
            return "(unknown)";
        }
        if (key instanceof BigDecimal rate) {
            return rate.stripTrailingZeros().toPlainString() + "%";
        }
        if (key instanceof Number hour) {
            return String.format("%02d", hour.intValue());
        }
        String sub = subKey == null ? "" : subKey.toString();
        return sub.isEmpty() ? key.toString() : key + " (" + sub + ")";
    }

    private Section total(Scope scope) {
        List<Object[]> byKind = facts("select f.kind, " + MEASURES + FACTS + "group by f.kind", scope);
        Object[] all = {0L, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        List<Row> rows = new ArrayList<>();
        long read = 0;
        for (String kind : List.of("SALE", "REFUND", "VOID")) {
            Object[] r = byKind.stream().filter(k -> kind.equals(k[0])).findFirst()
                    .orElse(new Object[] {kind, 0L, 0L, null, null, null, 0L});
            // a refund row counts the orders refunded; a sale or re-opening row counts completions
            Object[] measures = r.clone();
            if (kind.equals("REFUND")) {
                measures[1] = refundedOrders(scope);
            }
            rows.add(measures(scope, switch (kind) {
                case "SALE" -> "sales";
                case "REFUND" -> "refunds";
                default -> "reopened";
            }, measures, 1));
            all[0] = ((Number) all[0]).longValue() + (kind.equals("REFUND") ? 0 : ((Number) r[1]).longValue());
            for (int i = 1; i < 5; i++) {
                all[i] = ((BigDecimal) all[i]).add(number(r[i + 1]));
            }
            read += ((Number) r[6]).longValue();
        }
        rows.add(Row.of("all", "orders", all[0], "quantity", all[1], "net", scope.money(all[2]), "tax",
                scope.money(all[3]), "gross", scope.money(all[4])));
        Object[] discounts = (Object[]) em.createNativeQuery("select count(distinct f.order_id), "
                + "coalesce(sum(l.discount), 0) from sales_fact f join order_line l on l.id = f.line_id "
                + FACTS.substring(FACTS.indexOf("where")) + "and f.kind = 'SALE' and l.discount <> 0")
                .setParameter(1, scope.outletId()).setParameter(2, scope.from()).setParameter(3, scope.to())
                .getSingleResult();
        rows.add(Row.of("discounts", "orders", ((Number) discounts[0]).longValue(), "quantity", null, "net", null, "tax",
                null, "gross", scope.money(number(discounts[1]).negate())));
        // through the outlet's orders of the day (indexed), not a scan of every line for its status
        Object[] voids = (Object[]) em.createNativeQuery("select count(distinct l.order_id), coalesce(sum(l.quantity), 0), "
                + "coalesce(sum(l.total), 0) from pos_order o join order_line l on l.order_id = o.id "
                + "where o.outlet_id = ?1 and o.created_at >= ?2 and o.created_at < ?3 and l.status = 'VOIDED'")
                .setParameter(1, scope.outletId()).setParameter(2, scope.start()).setParameter(3, scope.end())
                .getSingleResult();
        rows.add(Row.of("voids", "orders", ((Number) voids[0]).longValue(), "quantity", number(voids[1]), "net", null,
                "tax", null, "gross", scope.money(voids[2])));
        return new Section(rows, read);
    }

    private long refundedOrders(Scope scope) {
        return ((Number) em.createNativeQuery("select count(distinct f.order_id)" + FACTS + "and f.kind = 'REFUND'")
                .setParameter(1, scope.outletId()).setParameter(2, scope.from()).setParameter(3, scope.to())
                .getSingleResult()).longValue();
    }

    private Section tender(Scope scope) {
        @SuppressWarnings("unchecked")
        List<Object[]> paid = em.createNativeQuery("select method, count(distinct order_id), sum(amount), count(*) "
                + "from payment where outlet_id = ?1 and status = 'SUCCEEDED' and created_at >= ?2 and created_at < ?3 "
                + "group by method order by method").setParameter(1, scope.outletId()).setParameter(2, scope.start())
                .setParameter(3, scope.end()).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> refunded = em.createNativeQuery("select method, count(distinct order_id), sum(amount), count(*) "
                + "from refund where outlet_id = ?1 and created_at >= ?2 and created_at < ?3 group by method "
                + "order by method").setParameter(1, scope.outletId()).setParameter(2, scope.start())
                .setParameter(3, scope.end()).getResultList();
        List<Row> rows = new ArrayList<>();
        long read = 0;
        for (Object[] r : paid) {
            rows.add(Row.of((String) r[0], "orders", ((Number) r[1]).longValue(), "quantity", null, "net", null, "tax",
                    null, "gross", scope.money(r[2])));
            read += ((Number) r[3]).longValue();
        }
        for (Object[] r : refunded) {
            rows.add(Row.of(r[0] + ":refunds", "orders", ((Number) r[1]).longValue(), "quantity", null, "net", null,
                    "tax", null, "gross", scope.money(number(r[2]).negate())));
            read += ((Number) r[3]).longValue();
        }
        return new Section(rows, read);
    }

    private List<Object[]> facts(String sql, Scope scope) {
        return query(sql, scope.outletId(), scope.from(), scope.to());
    }

    /** The measures at {@code r[at..at+4]}: orders, quantity, net, tax, gross. */
    private static Row measures(Scope scope, String key, Object[] r, int at) {
        return Row.of(key, "orders", ((Number) r[at]).longValue(), "quantity", number(r[at + 1]), "net",
                scope.money(r[at + 2]), "tax", scope.money(r[at + 3]), "gross", scope.money(r[at + 4]));
    }

    private static BigDecimal number(Object value) {
        return value == null ? BigDecimal.ZERO : value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
