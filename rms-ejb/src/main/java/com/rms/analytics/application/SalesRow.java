package com.rms.analytics.application;

import java.math.BigDecimal;

/**
 * One group of the sales report: its key (a day, an hour 0-23, an id, a name), a label for people,
 * the quantity sold, net, tax and gross after refunds and voids, and the orders counted in it
 * (orders with a sale minus voided orders).
 */
public record SalesRow(String key, String label, long quantity, BigDecimal net, BigDecimal tax, BigDecimal gross,
        long orders) {
}
