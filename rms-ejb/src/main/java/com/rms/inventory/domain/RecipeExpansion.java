package com.rms.inventory.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns recipes into the stock they consume: the ingredients of one portion (an item's recipe plus
 * the recipes of its chosen modifiers) times the portions, summed per stock item in that item's unit.
 */
public final class RecipeExpansion {

    private RecipeExpansion() {
    }

    /**
     * The quantity of each stock item that {@code portions} portions consume, keyed by stock item id
     * in ascending order (the order stock rows are locked in).
     *
     * @param perPortion the ingredients of one portion; the same stock item may appear more than once
     * @param stockUnits the unit each stock item is kept in
     * @throws Unit.IncompatibleUnitsException if an ingredient's unit does not convert to its item's
     * @throws IllegalArgumentException if a stock item's unit is unknown or portions is not positive
     */
    public static SortedMap<Long, BigDecimal> expand(Collection<Ingredient> perPortion, int portions,
            Map<Long, Unit> stockUnits) {
        if (portions <= 0) {
            throw new IllegalArgumentException("portions must be positive: " + portions);
        }
        SortedMap<Long, BigDecimal> needed = new TreeMap<>();
        BigDecimal times = BigDecimal.valueOf(portions);
        for (Ingredient ingredient : perPortion) {
            Unit stockUnit = stockUnits.get(ingredient.stockItemId());
            if (stockUnit == null) {
                throw new IllegalArgumentException("no unit for stock item " + ingredient.stockItemId());
            }
            BigDecimal quantity = ingredient.unit().convert(ingredient.quantity().multiply(times), stockUnit);
            needed.merge(ingredient.stockItemId(), quantity, BigDecimal::add);
        }
        return needed;
    }

    /** Adds {@code more} into {@code total}, item by item. */
    public static void addInto(SortedMap<Long, BigDecimal> total, Map<Long, BigDecimal> more) {
        more.forEach((id, quantity) -> total.merge(id, quantity, BigDecimal::add));
    }
}
