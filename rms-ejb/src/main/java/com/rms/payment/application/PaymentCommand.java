package com.rms.payment.application;

import java.math.BigDecimal;

/**
 * A tender: the amount applied to the order, an optional tip on top, the card provider's token for a
 * card (never a card number), the cash handed over for cash (the change is computed).
 */
public record PaymentCommand(String method, BigDecimal amount, BigDecimal tip, String cardToken, BigDecimal tendered) {
}
