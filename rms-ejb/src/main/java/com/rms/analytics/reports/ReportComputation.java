package com.rms.analytics.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one report job computes for one outlet: its sections in order, each a list of rows whose
 * columns are {@link #columns()} (the first three are always {@code outletId, section, key}).
 * A section is one chunk of the outlet's partition, so a restarted partition resumes at the first
 * section it had not written.
 */
public interface ReportComputation {

    /** The columns of the CSV and of each JSON row. */
    List<String> columns();

    /** The sections, in the order they are computed and listed. */
    List<String> sections();

    /** The rows of one section for one outlet over the business days {@code from..to}. */
    Section compute(String section, Scope scope);

    /** One outlet over a run's business days, in the outlet's own time zone and currency. */
    record Scope(long outletId, ZoneId zone, String currency, LocalDate from, LocalDate to) {

        /** The first instant of {@code from} in the outlet's zone (a DST change moves it, not the date). */
        public OffsetDateTime start() {
            return from.atStartOfDay(zone).toOffsetDateTime();
        }

        /** The first instant after {@code to} in the outlet's zone. */
        public OffsetDateTime end() {
            return to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        }

        /** An amount at the currency's minor unit (JPY 0, EUR 2, BHD 3 decimals), HALF_EVEN. */
        public BigDecimal money(Object amount) {
            BigDecimal value = amount == null ? BigDecimal.ZERO
                    : amount instanceof BigDecimal d ? d : new BigDecimal(amount.toString());
            return value.setScale(scale(), RoundingMode.HALF_EVEN);
        }

        /** The currency's minor unit: how many decimals its amounts have. */
        public int scale() {
            return Currency.getInstance(currency).getDefaultFractionDigits();
        }
    }

    /** A section's rows and how many source rows were read to make them. */
    record Section(List<Row> rows, long itemsRead) {
    }

    /** One row: its key and its values by column (the outlet, section and key columns are added). */
    record Row(String key, Map<String, Object> values) {

        public static Row of(String key, Object... columnsAndValues) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < columnsAndValues.length; i += 2) {
                values.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
            }
            return new Row(key, values);
        }
    }
}
