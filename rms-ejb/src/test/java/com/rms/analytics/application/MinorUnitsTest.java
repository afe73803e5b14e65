package com.rms.analytics.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Money at the currency's minor unit: JPY 0 decimals, EUR 2, BHD 3, HALF_EVEN; refund shares that sum exactly. */
class MinorUnitsTest {

    @Test
    void eachCurrencyHasItsOwnMinorUnit() {
        assertEquals(0, MinorUnits.of("JPY", null));
        assertEquals(2, MinorUnits.of("EUR", null));
        assertEquals(3, MinorUnits.of("BHD", null));
        assertEquals(3, MinorUnits.of(null, "BHD"), "an event without a currency counts in its outlet's");
        assertEquals(0, MinorUnits.of("NOPE", "JPY"), "an unknown code counts in the outlet's");
        assertEquals(2, MinorUnits.of("XXX", null), "a currency without a minor unit falls back to 2");
        assertEquals(2, MinorUnits.of(null, null));
    }

    @Test
    void roundingIsHalfEvenAtTheMinorUnit() {
        assertEquals(new BigDecimal("1000"), MinorUnits.round(new BigDecimal("1000.5"), MinorUnits.of("JPY", null)));
        assertEquals(new BigDecimal("1002"), MinorUnits.round(new BigDecimal("1001.5"), MinorUnits.of("JPY", null)));
        assertEquals(new BigDecimal("3.34"), MinorUnits.round(new BigDecimal("3.335"), MinorUnits.of("EUR", null)));
        assertEquals(new BigDecimal("3.32"), MinorUnits.round(new BigDecimal("3.325"), MinorUnits.of("EUR", null)));
        assertEquals(new BigDecimal("3.334"), MinorUnits.round(new BigDecimal("3.3335"), MinorUnits.of("BHD", null)));
        assertEquals(new BigDecimal("1.000"), MinorUnits.round(BigDecimal.ONE, MinorUnits.of("BHD", null)));
    }

    @Test
    void refundSharesAreAtTheMinorUnitAndSumToTheRoundedShare() {
        // 1000 of 3000 yen over 1000 + 1000 + 1000: 333.33 each -> 333, the remaining yen on the largest (the first)
        List<BigDecimal> yen = SalesFacts.share(List.of(new BigDecimal("1000"), new BigDecimal("1000"),
                new BigDecimal("1000")), new BigDecimal("1000"), new BigDecimal("3000"), 0);
        assertEquals(List.of(new BigDecimal("334"), new BigDecimal("333"), new BigDecimal("333")), yen);
        // 1 of 3 dinars over 3 x 1.000: 0.333 each, the fils left over on the first
        List<BigDecimal> dinars = SalesFacts.share(List.of(new BigDecimal("1.000"), new BigDecimal("1.000"),
                new BigDecimal("1.000")), new BigDecimal("1.000"), new BigDecimal("3.000"), 3);
        assertEquals(List.of(new BigDecimal("0.334"), new BigDecimal("0.333"), new BigDecimal("0.333")), dinars);
        List<BigDecimal> euros = SalesFacts.share(List.of(new BigDecimal("3.33"), new BigDecimal("3.33"),
                new BigDecimal("3.34")), new BigDecimal("5.00"), new BigDecimal("10.00"), 2);
        assertEquals(new BigDecimal("5.00"), euros.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
