package com.rms.analytics.admin;

import java.time.LocalDate;

/** The date ranges the sales page offers with one click, as business days (both ends inclusive). */
public enum QuickRange {
    TODAY("Today"),
    YESTERDAY("Yesterday"),
    LAST_7_DAYS("Last 7 days"),
    THIS_MONTH("This month"),
    LAST_MONTH("Last month");

    /** A range of business days, {@code from} to {@code to} inclusive. */
    public record Days(LocalDate from, LocalDate to) {
    }

    private final String label;

    QuickRange(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }

    /** The range as seen on business day {@code today}: the last 7 days end today, this month so far. */
    public Days days(LocalDate today) {
        return switch (this) {
            case TODAY -> new Days(today, today);
            case YESTERDAY -> new Days(today.minusDays(1), today.minusDays(1));
            case LAST_7_DAYS -> new Days(today.minusDays(6), today);
            case THIS_MONTH -> new Days(today.withDayOfMonth(1), today);
            case LAST_MONTH -> {
                LocalDate first = today.withDayOfMonth(1).minusMonths(1);
                yield new Days(first, first.withDayOfMonth(first.lengthOfMonth()));
            }
        };
    }
}
