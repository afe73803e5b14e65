package com.rms.analytics.reports;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code inventory-valuation} report of one outlet: each stock item's quantity on hand when the
 * partition ran, times the item's moving average cost, and the outlet's total. Negative stock (items
 * that may go negative) is valued negative, so the total is what the books say.
 */
@ApplicationScoped
public class InventoryValuation extends SqlReport {

    public InventoryValuation() {
        super(List.of("outletId", "section", "key", "name", "unit", "onHand", "averageCost", "value"),
                List.of("item", "total"));
    }

    @Override
    public Section compute(String section, Scope scope) {
        List<Object[]> levels = query("select i.sku, i.name, i.unit, l.on_hand, i.average_cost "
                + "from stock_level l join stock_item i on i.id = l.stock_item_id where l.outlet_id = ?1 order by i.sku",
                scope.outletId());
        List<Row> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Object[] r : levels) {
            BigDecimal onHand = (BigDecimal) r[3];
            BigDecimal cost = (BigDecimal) r[4];
            BigDecimal value = scope.money(onHand.multiply(cost));
            total = total.add(value);
            rows.add(Row.of((String) r[0], "name", r[1], "unit", r[2], "onHand", onHand.stripTrailingZeros().toPlainString(),
                    "averageCost", cost.stripTrailingZeros().toPlainString(), "value", value));
        }
        if (section.equals("total")) {
            return new Section(List.of(Row.of("value", "name", null, "unit", null, "onHand", null, "averageCost", null,
                    "value", total)), levels.size());
        }
        return new Section(rows, levels.size());
    }
}
