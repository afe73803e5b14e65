package com.rms.pos.application;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money as the API shows it: at the currency's minor-unit scale. */
final class Money {

    private Money() {
    }

    static BigDecimal of(BigDecimal amount, int scale) {
        return amount == null ? null : amount.setScale(scale, RoundingMode.HALF_EVEN);
    }
}
