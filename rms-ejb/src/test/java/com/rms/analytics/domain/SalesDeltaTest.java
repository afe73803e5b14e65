package com.rms.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What one event's facts add to the hour and item aggregates. */
class SalesDeltaTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final OffsetDateTime AT = OffsetDateTime.parse("2025-03-10T22:30:00Z");

    private static SalesFact fact(SaleKind kind, long lineId, Long item, String name, int quantity, String net, String tax,
            String gross) {
        SalesFact.Line line = new SalesFact.Line(500, "A-1", lineId, 1, "cashier", "DINE_IN", item, "SKU", name, 7L,
                "Mains", "EUR");
        return new SalesFact("e-1", kind, line, AT, BERLIN, quantity, new BigDecimal(net), new BigDecimal(tax),
                new BigDecimal(gross));
    }

    @Test
    void aSaleSumsItsFactsCountsOneOrderAndGroupsItsItems() {
        SalesDelta d = SalesDelta.of(List.of(
                fact(SaleKind.SALE, 1, 100L, "Burger", 1, "3.03", "0.30", "3.33"),
                fact(SaleKind.SALE, 2, 100L, "Burger", 2, "6.06", "0.60", "6.66"),
                fact(SaleKind.SALE, 3, 300L, "Cola", 1, "2.80", "0.54", "3.34")), 1, new BigDecimal("1.50"));
        assertEquals(1L, d.outletId());
        assertEquals(LocalDate.of(2025, 3, 10), d.businessDay());
        assertEquals(23, d.businessHour(), "22:30 UTC is 23:30 in Berlin");
        assertEquals(1, d.orders());
        assertEquals(new BigDecimal("11.89"), d.net());
        assertEquals(new BigDecimal("1.44"), d.tax());
        assertEquals(new BigDecimal("13.33"), d.gross());
        assertEquals(new BigDecimal("1.50"), d.discounts());
        assertEquals(0, BigDecimal.ZERO.compareTo(d.refunds()));
        assertEquals(List.of(new SalesDelta.Item(100, "Burger", 3, new BigDecimal("9.09")),
                new SalesDelta.Item(300, "Cola", 1, new BigDecimal("2.80"))), d.items());
    }

    @Test
    void aRefundTakesItsGrossBackAndCountsItAsRefunded() {
        SalesDelta d = SalesDelta.of(List.of(
                fact(SaleKind.REFUND, 1, 100L, "Burger", 0, "-1.51", "-0.15", "-1.66"),
                fact(SaleKind.REFUND, 3, 300L, "Cola", 0, "-1.41", "-0.27", "-1.68")), 0, null);
        assertEquals(0, d.orders());
        assertEquals(new BigDecimal("-3.34"), d.gross());
        assertEquals(new BigDecimal("3.34"), d.refunds(), "refunds are shown as the positive amount given back");
        assertEquals(0, BigDecimal.ZERO.compareTo(d.discounts()), "no discount: zero");
        assertEquals(new BigDecimal("-1.51"), d.items().get(0).net());
        assertEquals(0, d.items().get(0).quantity(), "a partial refund leaves the quantity sold");
    }

    @Test
    void aReopeningTakesTheOrderBackAndAFactWithoutAnItemCountsOnlyInTheHour() {
        SalesDelta d = SalesDelta.of(List.of(
                fact(SaleKind.VOID, 1, 100L, "Burger", -1, "-3.03", "-0.30", "-3.33"),
                fact(SaleKind.VOID, 2, null, null, -1, "-1.00", "0", "-1.00")), -1, new BigDecimal("-0.50"));
        assertEquals(-1, d.orders());
        assertEquals(new BigDecimal("-4.03"), d.net());
        assertEquals(new BigDecimal("-0.50"), d.discounts());
        assertEquals(List.of(new SalesDelta.Item(100, "Burger", -1, new BigDecimal("-3.03"))), d.items());
    }

    @Test
    void factsOfOneEventMustShareOutletDayAndHour() {
        SalesFact.Line other = new SalesFact.Line(500, "A-1", 2, 1, "cashier", "DINE_IN", 100L, "SKU", "Burger", 7L,
                "Mains", "EUR");
        SalesFact nextHour = new SalesFact("e-1", SaleKind.SALE, other, AT.plusHours(1), BERLIN, 1, BigDecimal.ONE,
                BigDecimal.ZERO, BigDecimal.ONE);
        assertThrows(IllegalArgumentException.class, () -> SalesDelta.of(List.of(
                fact(SaleKind.SALE, 1, 100L, "Burger", 1, "1", "0", "1"), nextHour), 1, BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class, () -> SalesDelta.of(List.of(), 1, BigDecimal.ZERO));
    }
}
