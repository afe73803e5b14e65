package com.rms.analytics.reports;

import com.rms.analytics.reports.MenuClassification.ClassTotal;
import com.rms.analytics.reports.MenuClassification.Classified;
import com.rms.analytics.reports.MenuClassification.MenuClass;
import com.rms.inventory.application.Recipes;
import com.rms.pos.domain.Pricing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code menu-engineering} report of one outlet over its business days {@code from..to}: each
 * item's popularity and contribution margin, classified by {@link MenuClassification}.
 *
 * <p><b>Which items count</b> (the N of the 70 % rule, and the rows): every item with sales facts at
 * the outlet in the period (even if re-openings took them back to 0), and every item on the outlet's
 * menu now (active, not archived, not made unavailable at the outlet), sold or not, since an item
 * nobody orders still takes its place on the menu. The menu keeps no history, so "on the menu" is the
 * menu when the partition runs.
 *
 * <p><b>Quantity</b>: the sales facts' quantities of kinds SALE and VOID (a re-opening's VOID facts
 * are negative), so a re-opened order counts once, as it was completed at last; refunds give money
 * back, not food, and do not change the quantity sold.
 *
 * <p><b>Price</b> is the outlet's selling price now (its override if it has one, else the item's
 * price) net of tax, as {@link Pricing} takes the tax out of one portion (inclusive: price − price ×
 * r / (100 + r) at the minor unit; exclusive: the price itself). Discounts are not in it: the matrix
 * judges the menu as priced. <b>Cost</b> is the item's own recipe at its stock items' average cost
 * now ({@link Recipes#portionCosts}), at the minor unit; modifiers (their price and their recipes)
 * are left out on both sides. An item without a recipe costs 0 and says {@code recipe=none}.
 *
 * <p>Columns: {@code items} (aggregate rows only), {@code quantity}, {@code mixPercent} (share of the
 * quantity), {@code price}, {@code cost}, {@code margin} (price − cost), {@code totalMargin} (margin ×
 * quantity), {@code popularity} and {@code profitability} ({@code high} or {@code low}), {@code class}
 * and {@code recipe} ({@code yes} or {@code none}). Section {@code item} has a row per item keyed by
 * SKU; section {@code total} has {@code all} (margin: the quantity-weighted average margin),
 * {@code line} (the two lines of the matrix: mixPercent 70 % / N, margin the average margin), one row
 * per class and {@code no-recipe} (the items costed at 0). With no sales in the period no item is
 * classified and the percentages and the average are empty.
 */
@ApplicationScoped
public class MenuEngineering extends SqlReport {

    @Inject
    Recipes recipes;

    public MenuEngineering() {
        super(List.of("outletId", "section", "key", "name", "items", "quantity", "mixPercent", "price", "cost", "margin",
                "totalMargin", "popularity", "profitability", "class", "recipe"), List.of("item", "total"));
    }

    @Override
    public Section compute(String section, Scope scope) {
        List<Object[]> facts = query("select f.menu_item_id, sum(f.quantity), count(*) from sales_fact f "
                + "where f.outlet_id = ?1 and f.business_day >= ?2 and f.business_day <= ?3 "
                + "and f.kind in ('SALE', 'VOID') group by f.menu_item_id", scope.outletId(), scope.from(), scope.to());
        Map<Long, Long> sold = new HashMap<>();
        long read = 0;
        for (Object[] r : facts) {
            sold.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
            read += ((Number) r[2]).longValue();
        }
        List<Object[]> menu = query("select i.id, i.sku, i.name, coalesce(o.price, i.price), t.rate, "
                + "t.inclusive, i.active, i.archived, o.available from menu_item i join tax_rate t on t.id = i.tax_rate_id "
                + "left join outlet_item_override o on o.item_id = i.id and o.outlet_id = ?1 order by i.sku", scope.outletId());
        List<Object[]> counted = menu.stream().filter(r -> sold.containsKey(((Number) r[0]).longValue())
                || Boolean.TRUE.equals(r[6]) && !Boolean.TRUE.equals(r[7]) && !Boolean.FALSE.equals(r[8])).toList();
        if (counted.stream().filter(r -> sold.containsKey(((Number) r[0]).longValue())).count() != sold.size()) {
            // menu items are archived, never deleted: a fact without its item is a broken database
            throw new IllegalStateException("sales facts of outlet " + scope.outletId() + " name menu items that are not there");
        }
        Map<Long, BigDecimal> costs = recipes.portionCosts(counted.stream().map(r -> ((Number) r[0]).longValue()).toList());
        List<MenuClassification.Item> items = new ArrayList<>();
        for (Object[] r : counted) {
            long id = ((Number) r[0]).longValue();
            BigDecimal price = Pricing.price(scope.scale(), List.of(new Pricing.LineInput((BigDecimal) r[3],
                    (BigDecimal) r[4], (Boolean) r[5])), null, null).lines().get(0).net();
            BigDecimal cost = costs.get(id);
            items.add(new MenuClassification.Item((String) r[1], (String) r[2], sold.getOrDefault(id, 0L), price,
                    scope.money(cost), cost != null));
        }
        MenuClassification.Result result = MenuClassification.classify(items, scope.scale());
        return new Section(switch (section) {
            case "item" -> result.items().stream().map(MenuEngineering::itemRow).toList();
            case "total" -> totalRows(result);
            default -> throw new IllegalArgumentException("menu-engineering has no section " + section);
        }, read);
    }

    private static Row itemRow(Classified c) {
        MenuClassification.Item item = c.item();
        return Row.of(item.key(), "name", item.name(), "items", null, "quantity", item.quantity(), "mixPercent",
                c.mixPercent(), "price", item.price(), "cost", item.cost(), "margin", c.margin(), "totalMargin",
                c.totalMargin(), "popularity", level(c.popular()), "profitability", level(c.highMargin()), "class",
                c.menuClass() == null ? null : c.menuClass().label(), "recipe", item.costed() ? "yes" : "none");
    }

    private static List<Row> totalRows(MenuClassification.Result result) {
        List<Row> rows = new ArrayList<>();
        rows.add(aggregate("all", result.items().size(), result.quantity(), result.sold() ? new BigDecimal("100.00")
                : null, result.averageMargin(), result.totalMargin(), null));
        rows.add(aggregate("line", null, null, result.popularityPercent(), result.averageMargin(), null, null));
        for (MenuClass c : MenuClass.values()) {
            ClassTotal total = result.classes().get(c);
            rows.add(aggregate(c.label(), total.items(), total.quantity(), total.mixPercent(), null, total.totalMargin(),
                    c.label()));
        }
        List<Classified> uncosted = result.items().stream().filter(c -> !c.item().costed()).toList();
        rows.add(aggregate("no-recipe", uncosted.size(), uncosted.stream().mapToLong(c -> c.item().quantity()).sum(),
                null, null, null, null));
        return rows;
    }

    private static Row aggregate(String key, Integer items, Long quantity, BigDecimal mixPercent, BigDecimal margin,
            BigDecimal totalMargin, String menuClass) {
        return Row.of(key, "name", null, "items", items, "quantity", quantity, "mixPercent", mixPercent, "price", null,
                "cost", null, "margin", margin, "totalMargin", totalMargin, "popularity", null, "profitability", null,
                "class", menuClass, "recipe", null);
    }

    private static String level(Boolean high) {
        return high == null ? null : high ? "high" : "low";
    }
}
