package com.rms.analytics.admin;

import com.rms.analytics.application.SalesRow;

/** What the sales page calls a group (the same words in the table, the chart and the CSV). */
final class SalesLabels {

    private SalesLabels() {
    }

    /** The row's name: an hour as {@code 13:00}, anything else as the report labels it. */
    static String of(String groupBy, SalesRow row) {
        if ("hour".equals(groupBy) && row.key() != null && row.key().matches("\\d{1,2}")) {
            return hour(Integer.parseInt(row.key()));
        }
        return row.label();
    }

    static String hour(int hour) {
        return String.format("%02d:00", hour);
    }

    /** The heading of the group column. */
    static String heading(String groupBy) {
        return groupBy == null || groupBy.isEmpty() ? "" : Character.toUpperCase(groupBy.charAt(0)) + groupBy.substring(1);
    }
}
