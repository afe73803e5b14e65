package com.rms.analytics.application;

import com.rms.platform.text.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The number of decimals analytics keeps money at: the minor unit of the sale's currency (EUR 2,
 * JPY 0, BHD 3), rounded HALF_EVEN. An event written before events carried the currency, or with a
 * code the JDK does not know, falls back to its outlet's currency, and then to 2 decimals.
 */
public final class MinorUnits {

    /** The minor unit of most currencies, used when no currency is known. */
    public static final int DEFAULT = 2;

    private MinorUnits() {
    }

    /** The minor-unit digits of {@code currency}, else of {@code fallback}, else {@link #DEFAULT}. */
    public static int of(String currency, String fallback) {
        Integer digits = digits(currency);
        if (digits == null) {
            digits = digits(fallback);
        }
        return digits == null ? DEFAULT : digits;
    }

    public static BigDecimal round(BigDecimal amount, int scale) {
        return amount.setScale(scale, RoundingMode.HALF_EVEN);
    }

    private static Integer digits(String currency) {
        if (currency == null || currency.isBlank()) {
            return null;
        }
        try {
            int digits = Money.scale(currency.trim());
            // pseudo-currencies (XAU, XXX) have none: money is never kept at an undefined unit
            return digits < 0 ? null : digits;
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
