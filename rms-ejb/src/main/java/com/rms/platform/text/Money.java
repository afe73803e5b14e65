package com.rms.platform.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Money as the API shows it: at the currency's minor-unit scale, HALF_EVEN. */
public final class Money {

    private Money() {
    }

    /** The currency's minor-unit scale (2 for EUR, 0 for JPY). */
    public static int scale(String currency) {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }

    public static BigDecimal scaled(BigDecimal amount, int scale) {
        return amount == null ? null : amount.setScale(scale, RoundingMode.HALF_EVEN);
    }

    public static BigDecimal scaled(BigDecimal amount, String currency) {
        return scaled(amount, scale(currency));
    }
}
