package com.rms.pos.application;

import com.rms.payment.domain.CardToken;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/**
 * A tender: the amount applied to the order, an optional tip on top, the card provider's token for a
 * card (never a card number), the cash handed over for cash (the change is computed).
 */
public record TenderCommand(
        @NotNull(message = "is required")
        @Pattern(regexp = "\\s*(?i:CASH|CARD|GIFT_CARD|LOYALTY_POINTS)\\s*",
                message = "must be one of CASH, CARD, GIFT_CARD, LOYALTY_POINTS") String method,
        @NotNull(message = "is required") @Positive(message = "must be greater than 0")
        @Digits(integer = 10, fraction = 12, message = "is out of range") BigDecimal amount,
        @PositiveOrZero(message = "must not be negative")
        @Digits(integer = 10, fraction = 12, message = "is out of range") BigDecimal tip,
        @CardToken String cardToken,
        @PositiveOrZero(message = "must not be negative")
        @Digits(integer = 10, fraction = 12, message = "is out of range") BigDecimal tendered) {

    /** The tip, 0 when none was given. */
    public BigDecimal tipOrZero() {
        return tip == null ? BigDecimal.ZERO : tip;
    }
}
