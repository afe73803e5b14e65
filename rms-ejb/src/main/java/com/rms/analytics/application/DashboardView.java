package com.rms.analytics.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An outlet's business day so far, as {@code GET /analytics/dashboard} shows it: completed orders
 * (re-opened ones taken back), net, gross and tax after discounts and refunds, the discounts given,
 * the gross refunded, net per order, sales per hour, the same weekday a week ago up to the same
 * hour, the best-selling items, and what is open and low now. Amounts are at the minor unit of the
 * outlet's currency. No labour figures: there is no labour data to show yet.
 */
public record DashboardView(long outletId, String currency, LocalDate businessDate, long orders, BigDecimal net,
        BigDecimal gross, BigDecimal tax, BigDecimal discounts, BigDecimal refunds, BigDecimal averageTicket,
        List<HourSales> byHour, DaySoFar sameDayLastWeek, List<TopItem> topItems, long openOrders, long lowStockCount) {

    /** One hour (0-23, the outlet's time) of the business day. */
    public record HourSales(int hour, long orders, BigDecimal net) {
    }

    /** A day's orders and net up to an hour. */
    public record DaySoFar(long orders, BigDecimal net) {
    }

    /** A menu item's sales of the day. */
    public record TopItem(long menuItemId, String name, long quantity, BigDecimal net) {
    }
}
