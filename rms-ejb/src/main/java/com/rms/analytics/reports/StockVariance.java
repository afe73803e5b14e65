package com.rms.analytics.reports;

import com.rms.inventory.domain.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code stock-variance} report of one outlet between the first instant of {@code from} and the
 * first instant after {@code to} in the outlet's time zone: per stock item, what the stock ledger says
 * was used against what the recipes of what was sold should have used ({@link StockUse} does the
 * arithmetic). Everything comes from the outlet's {@code stock_movement} ledger, summed in the database:
 *
 * <ul>
 * <li>{@code opening} / {@code closing}: the sum of the item's movements before the period's start /
 * end (the ledger is append-only and on hand is its sum);</li>
 * <li>{@code receipts}: PURCHASE movements; {@code transfers}: TRANSFER_IN less TRANSFER_OUT;
 * {@code waste}: WASTE movements, as a positive amount;</li>
 * <li>{@code theoretical}: the <b>sales deductions recorded in the ledger</b> (SALE movements, less the
 * REFUND movements that put a re-opened order's deduction back). They are what the recipes of each
 * completed order consumed, modifiers included, with the recipe as it was when the order was sold, in
 * the same ledger as the opening and closing stock, so the report adds up: the variance is then
 * exactly what counts and corrections found (COUNT and CORRECTION movements, negated). Recomputing
 * from the sales facts times today's recipes would miss the modifiers (the facts do not carry them)
 * and re-price history with recipes edited since. A deduction is booked when the inventory consumer
 * applies the completion, usually within a second of it: an order completed right before midnight may
 * count on the next day;</li>
 * <li>{@code averageCost}: the item's moving average cost now; {@code varianceValue} the variance at
 * that cost at the currency's minor unit; {@code variancePercent} the variance in percent of the
 * theoretical use (empty when nothing was to be used).</li>
 * </ul>
 * Quantities are in the stock item's unit ({@code unit}, as {@code inventory-valuation} shows it). Section {@code item} has a row per stock item
 * the outlet's ledger has moved before the period's end, keyed by SKU; section {@code total} has the
 * row {@code all} with the sum of the variance values (quantities of different units do not add up).
 */
@ApplicationScoped
public class StockVariance extends SqlReport {

    private static final String IN_PERIOD = "case when m.at >= ?2 and m.reason in ";

    public StockVariance() {
        super(List.of("outletId", "section", "key", "name", "unit", "opening", "receipts", "transfers", "theoretical",
                "waste", "closing", "actual", "variance", "averageCost", "varianceValue", "variancePercent"),
                List.of("item", "total"));
    }

    @Override
    public Section compute(String section, Scope scope) {
        List<Object[]> ledger = query("select i.sku, i.name, i.unit, i.average_cost, "
                + "sum(case when m.at < ?2 then m.quantity else 0 end), "
                + "sum(" + IN_PERIOD + "('PURCHASE') then m.quantity else 0 end), "
                + "sum(" + IN_PERIOD + "('TRANSFER_IN', 'TRANSFER_OUT') then m.quantity else 0 end), "
                + "sum(" + IN_PERIOD + "('SALE', 'REFUND') then -m.quantity else 0 end), "
                + "sum(" + IN_PERIOD + "('WASTE') then -m.quantity else 0 end), "
                + "sum(m.quantity), "
                + "sum(case when m.at >= ?2 then 1 else 0 end) "
                + "from stock_movement m join stock_item i on i.id = m.stock_item_id "
                + "where m.outlet_id = ?1 and m.at < ?3 "
                + "group by i.sku, i.name, i.unit, i.average_cost order by i.sku", scope.outletId(), scope.start(),
                scope.end());
        List<Row> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(scope.scale());
        long read = 0;
        for (Object[] r : ledger) {
            BigDecimal averageCost = (BigDecimal) r[3];
            StockUse use = new StockUse(number(r[4]), number(r[5]), number(r[6]), number(r[7]), number(r[8]),
                    number(r[9]));
            BigDecimal value = use.value(averageCost, scope.scale());
            total = total.add(value);
            read += ((Number) r[10]).longValue();
            rows.add(Row.of((String) r[0], "name", r[1], "unit", r[2],
                    "opening", use.opening(), "receipts", use.receipts(), "transfers", use.transfers(), "theoretical",
                    use.theoretical(), "waste", use.waste(), "closing", use.closing(), "actual", use.actual(),
                    "variance", use.variance(), "averageCost", averageCost, "varianceValue", value, "variancePercent",
                    use.percent()));
        }
        if (section.equals("total")) {
            rows = List.of(Row.of("all", "name", null, "unit", null, "opening", null, "receipts", null, "transfers",
                    null, "theoretical", null, "waste", null, "closing", null, "actual", null, "variance", null,
                    "averageCost", null, "varianceValue", total, "variancePercent", null));
        } else if (!section.equals("item")) {
            throw new IllegalArgumentException("stock-variance has no section " + section);
        }
        return new Section(rows, read);
    }

    /** A ledger sum at the quantity scale (3), whatever type the database returned it as. */
    private static BigDecimal number(Object value) {
        BigDecimal d = value == null ? BigDecimal.ZERO : value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return d.setScale(Unit.QUANTITY_SCALE, RoundingMode.HALF_EVEN);
    }
}
