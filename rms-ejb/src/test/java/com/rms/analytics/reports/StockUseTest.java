package com.rms.analytics.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The stock-variance arithmetic: actual use, the variance's sign, its percent and its value's rounding. */
class StockUseTest {

    private static StockUse use(String opening, String receipts, String transfers, String theoretical, String waste,
            String closing) {
        return new StockUse(new BigDecimal(opening), new BigDecimal(receipts), new BigDecimal(transfers),
                new BigDecimal(theoretical), new BigDecimal(waste), new BigDecimal(closing));
    }

    @Test
    void usingMoreThanTheRecipesSayIsAPositiveVariance() {
        // 10 + 5 received - 1 transferred out - 5.5 left - 1 wasted = 7.5 used; the recipes say 6
        StockUse use = use("10.000", "5.000", "-1.000", "6.000", "1.000", "5.500");
        assertEquals(new BigDecimal("7.500"), use.actual());
        assertEquals(new BigDecimal("1.500"), use.variance());
        assertEquals(new BigDecimal("25.00"), use.percent());
        assertEquals(new BigDecimal("3.75"), use.value(new BigDecimal("2.5000"), 2));
    }

    @Test
    void usingLessThanTheRecipesSayIsANegativeVariance() {
        // a count found 0.3 more than the ledger had: 3 - 0.45 sold + 0.3 = 2.85 left
        StockUse use = use("3.000", "0", "0", "0.450", "0", "2.850");
        assertEquals(new BigDecimal("0.150"), use.actual());
        assertEquals(new BigDecimal("-0.300"), use.variance());
        assertEquals(new BigDecimal("-66.67"), use.percent());
        assertEquals(new BigDecimal("-1.62"), use.value(new BigDecimal("5.4000"), 2));
    }

    @Test
    void wasteIsNeitherUseNorVariance() {
        StockUse use = use("2.000", "0", "0", "0.500", "0.250", "1.250");
        assertEquals(new BigDecimal("0.500"), use.actual());
        assertEquals(0, use.variance().signum());
        assertEquals(new BigDecimal("0.00"), use.percent());
    }

    @Test
    void withNoTheoreticalUseThereIsNoPercentButStillAVariance() {
        StockUse use = use("5.000", "0", "0", "0", "0", "4.000");
        assertEquals(new BigDecimal("1.000"), use.variance());
        assertNull(use.percent());
        StockUse idle = use("5.000", "0", "0", "0", "0", "5.000");
        assertEquals(0, idle.variance().signum());
        assertNull(idle.percent());
    }

    @Test
    void thePercentIsRoundedHalfEvenToTwoDecimals() {
        assertEquals(new BigDecimal("33.33"), use("4", "0", "0", "3", "0", "0").percent());
        // a variance of 0.000125 on 0.1 is 0.125 %, which rounds to the even 0.12
        assertEquals(new BigDecimal("0.12"), use("0.100125", "0", "0", "0.1", "0", "0").percent());
    }

    @Test
    void theValueIsRoundedAtTheCurrencysMinorUnitHalfEven() {
        StockUse use = use("1.005", "0", "0", "1.000", "0", "0");
        assertEquals(new BigDecimal("0.00"), use.value(BigDecimal.ONE, 2), "0.005 EUR rounds to the even cent");
        assertEquals(new BigDecimal("0.02"), use.value(new BigDecimal("3"), 2), "0.015 EUR rounds to the even cent");
        StockUse yen = use("2.500", "0", "0", "0", "0", "0");
        assertEquals(new BigDecimal("2"), yen.value(BigDecimal.ONE, 0), "JPY has no minor unit: 2.5 -> 2");
        assertEquals(new BigDecimal("0.005"), use.value(BigDecimal.ONE, 3), "BHD keeps three decimals");
    }
}
