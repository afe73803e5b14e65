package com.rms.menu.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The menu an outlet sells, as the point of sale prices and validates orders against it: the
 * outlet's price and availability of every active item, its tax rate, station, category and
 * modifier groups. Cached and validated exactly like the rendered menu ({@link OutletMenus}).
 */
public record SellableMenu(long outletId, String currency, Map<Long, Item> items) {

    public Optional<Item> item(long id) {
        return Optional.ofNullable(items.get(id));
    }

    /** One item as sold at the outlet. */
    public record Item(long id, String sku, String name, long categoryId, String categoryName, BigDecimal price,
            boolean available, String station, long taxRateId, String taxName, BigDecimal taxRate,
            boolean taxInclusive, List<Group> groups) {
    }

    /** A modifier group with its choice limits. */
    public record Group(long id, String name, int min, int max, List<Modifier> modifiers) {
    }

    /** A modifier and what it adds to the item's price. */
    public record Modifier(long id, String name, BigDecimal priceDelta) {
    }
}
