package com.rms.analytics.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.platform.error.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A run's parameters: defaults, ranges and what is refused with a 400 naming the field. */
class ReportRequestTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");

    @Test
    void noDatesMeansYesterdayInTheTenantsZone() {
        ReportRequest request = ReportRequest.of("daily-sales", null, TODAY);
        assertEquals(LocalDate.parse("2026-12-06"), request.from());
        assertEquals(LocalDate.parse("2026-12-06"), request.to());
        assertEquals(Set.of(), request.outletIds());
    }

    @Test
    void aBusinessDateOrARange() {
        assertEquals(LocalDate.parse("2026-11-30"),
                ReportRequest.of("daily-sales", Map.of("businessDate", "2026-11-30"), TODAY).to());
        ReportRequest range = ReportRequest.of("daily-sales", Map.of("from", "2026-11-01", "to", "2026-11-30",
                "outletIds", List.of(new BigDecimal("7"), new BigDecimal("3"))), TODAY);
        assertEquals(LocalDate.parse("2026-11-01"), range.from());
        assertEquals(LocalDate.parse("2026-11-30"), range.to());
        assertEquals(Set.of(3L, 7L), range.outletIds());
        assertEquals(LocalDate.parse("2026-11-05"), ReportRequest.of("daily-sales", Map.of("from", "2026-11-05"), TODAY).to());
    }

    @Test
    void badParametersNameTheirField() {
        assertField("job", () -> ReportRequest.of("nightly", Map.of(), TODAY));
        assertField("parameters.businessDate", () -> ReportRequest.of("daily-sales", Map.of("businessDate", "06.12.2026"), TODAY));
        assertField("parameters.businessDate", () -> ReportRequest.of("daily-sales", Map.of("businessDate", 20261206), TODAY));
        assertField("parameters.to", () -> ReportRequest.of("daily-sales", Map.of("from", "2026-12-06", "to", "2026-12-01"), TODAY));
        assertField("parameters.to", () -> ReportRequest.of("daily-sales", Map.of("from", "2025-01-01", "to", "2026-12-01"), TODAY));
        assertField("parameters.from", () -> ReportRequest.of("daily-sales", Map.of("to", "2026-12-01"), TODAY));
        assertField("parameters.businessDate", () -> ReportRequest.of("daily-sales",
                Map.of("businessDate", "2026-12-01", "from", "2026-12-01"), TODAY));
        assertField("parameters.outletIds", () -> ReportRequest.of("daily-sales", Map.of("outletIds", "all"), TODAY));
        assertField("parameters.outletIds", () -> ReportRequest.of("daily-sales", Map.of("outletIds", List.of(1.5)), TODAY));
        assertField("parameters.outletIds", () -> ReportRequest.of("daily-sales", Map.of("outletIds", List.of(-1)), TODAY));
        assertField("parameters.from", () -> ReportRequest.of("inventory-valuation", Map.of("from", "2026-12-01"), TODAY));
    }

    private static void assertField(String field, Runnable call) {
        ValidationException e = assertThrows(ValidationException.class, call::run);
        assertTrue(e.errors().stream().anyMatch(f -> f.field().equals(field)), () -> field + " in " + e.errors());
    }
}
