package com.rms.analytics.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** An outlet's business days as instants in its own zone, across DST, and amounts at its currency's unit. */
class ReportScopeTest {

    private static ReportComputation.Scope scope(String zone, String currency, String from, String to) {
        return new ReportComputation.Scope(1, ZoneId.of(zone), currency, LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void aBusinessDayIsMidnightToMidnightInTheOutletsZone() {
        ReportComputation.Scope berlin = scope("Europe/Berlin", "EUR", "2026-12-06", "2026-12-06");
        assertEquals(OffsetDateTime.parse("2026-12-06T00:00+01:00"), berlin.start());
        assertEquals(OffsetDateTime.parse("2026-12-07T00:00+01:00"), berlin.end());
        ReportComputation.Scope sydney = scope("Australia/Sydney", "AUD", "2026-12-06", "2026-12-06");
        assertEquals(OffsetDateTime.parse("2026-12-05T13:00Z").toInstant(), sydney.start().toInstant());
    }

    @Test
    void daysWhenTheClocksChangeHave23And25Hours() {
        ReportComputation.Scope spring = scope("Europe/Berlin", "EUR", "2026-03-29", "2026-03-29");
        assertEquals(Duration.ofHours(23), Duration.between(spring.start(), spring.end()));
        ReportComputation.Scope autumn = scope("America/New_York", "USD", "2026-11-01", "2026-11-01");
        assertEquals(Duration.ofHours(25), Duration.between(autumn.start(), autumn.end()));
        ReportComputation.Scope week = scope("Europe/Berlin", "EUR", "2026-03-23", "2026-03-29");
        assertEquals(Duration.ofHours(7 * 24 - 1), Duration.between(week.start(), week.end()));
    }

    @Test
    void amountsAreRoundedHalfEvenAtTheCurrencysMinorUnit() {
        assertEquals(new BigDecimal("12.34"), scope("UTC", "EUR", "2026-12-06", "2026-12-06").money(new BigDecimal("12.345")));
        assertEquals(new BigDecimal("12.36"), scope("UTC", "EUR", "2026-12-06", "2026-12-06").money(new BigDecimal("12.355")));
        assertEquals(new BigDecimal("1234"), scope("Asia/Tokyo", "JPY", "2026-12-06", "2026-12-06").money(new BigDecimal("1234.5")));
        assertEquals(new BigDecimal("1.234"), scope("Asia/Bahrain", "BHD", "2026-12-06", "2026-12-06").money(new BigDecimal("1.2345")));
        assertEquals(new BigDecimal("1.236"), scope("Asia/Bahrain", "BHD", "2026-12-06", "2026-12-06").money(new BigDecimal("1.2355")));
        assertEquals(new BigDecimal("0.00"), scope("UTC", "EUR", "2026-12-06", "2026-12-06").money(null));
    }
}
