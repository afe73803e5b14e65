package com.rms.pos.sale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** How the POS prints an amount the server computed: the currency code and the currency's minor digits. */
public final class Money {

    private Money() {
    }

    public static String format(String currency, BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        int digits = 2;
        try {
            digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            // an unknown code prints with two digits, the common case
        }
        // the server already rounded to the minor unit: this only pads 12.5 to 12.50 and drops the
        // zeros a wider column adds (10.000 → 10.00); a digit that is not zero is never hidden
        BigDecimal shown = amount;
        if (amount.scale() < digits) {
            shown = amount.setScale(digits, RoundingMode.UNNECESSARY);
        } else if (amount.scale() > digits) {
            try {
                shown = amount.setScale(digits, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException finer) {
                shown = amount;
            }
        }
        return (currency == null ? "" : currency + " ") + shown.toPlainString();
    }
}
