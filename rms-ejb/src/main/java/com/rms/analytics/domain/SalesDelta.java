package com.rms.analytics.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one sale event adds to the pre-aggregated sales of its outlet, business day and hour: the
 * sums of the facts it recorded, the orders it completes (+1) or takes back (-1 for a re-opening),
 * the discount it gives or takes back, the gross it refunds (a positive amount, from its refund
 * facts), and per menu item the quantity and net. Derived from the facts themselves, so the
 * aggregate always sums to exactly what the facts say.
 */
public record SalesDelta(long outletId, LocalDate businessDay, int businessHour, int orders, BigDecimal net,
        BigDecimal tax, BigDecimal gross, BigDecimal discounts, BigDecimal refunds, List<Item> items) {

    /** One menu item's share of the event: quantity and net (the name as sold, for showing it). */
    public record Item(long menuItemId, String name, int quantity, BigDecimal net) {
    }

    public SalesDelta {
        items = List.copyOf(items);
    }

    /**
     * The delta of the facts one event recorded (all at the event's time, so in one outlet, day and
     * hour).
     *
     * @throws IllegalArgumentException if there are no facts or they span more than one outlet, day or hour
     */
    public static SalesDelta of(List<SalesFact> facts, int orders, BigDecimal discounts) {
        if (facts.isEmpty()) {
            throw new IllegalArgumentException("an event records at least one fact");
        }
        SalesFact first = facts.get(0);
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal refunds = BigDecimal.ZERO;
        Map<Long, Item> items = new LinkedHashMap<>();
        for (SalesFact f : facts) {
            if (f.getOutletId() != first.getOutletId() || !f.getBusinessDay().equals(first.getBusinessDay())
                    || f.getBusinessHour() != first.getBusinessHour()) {
                throw new IllegalArgumentException("the facts of one event share its outlet, day and hour");
            }
            net = net.add(f.getNet());
            tax = tax.add(f.getTax());
            gross = gross.add(f.getGross());
            if (f.getKind() == SaleKind.REFUND) {
                refunds = refunds.subtract(f.getGross());
            }
            if (f.getMenuItemId() != null) {
                items.merge(f.getMenuItemId(), new Item(f.getMenuItemId(), f.getItemName(), f.getQuantity(), f.getNet()),
                        (a, b) -> new Item(a.menuItemId(), a.name(), a.quantity() + b.quantity(), a.net().add(b.net())));
            }
        }
        return new SalesDelta(first.getOutletId(), first.getBusinessDay(), first.getBusinessHour(), orders, net, tax,
                gross, Objects.requireNonNullElse(discounts, BigDecimal.ZERO), refunds, new ArrayList<>(items.values()));
    }
}
