package com.rms.analytics.application;

import java.time.LocalDate;
import java.util.List;

/**
 * The sales report in the shape of a list ({@code items}, {@code page}, {@code size}, {@code total})
 * with what it covers (business days {@code from}–{@code to} inclusive, in each outlet's time zone,
 * the outlet if one was asked for, the grouping) and the totals over every group.
 */
public record SalesReport(List<SalesRow> items, int page, int size, long total, String groupBy, LocalDate from,
        LocalDate to, Long outletId, SalesRow totals) {
}
