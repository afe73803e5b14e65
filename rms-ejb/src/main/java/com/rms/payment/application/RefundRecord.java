package com.rms.payment.application;

import com.rms.payment.domain.PaymentMethod;
import java.math.BigDecimal;

/** A refund as recorded: what went back on which tender. */
public record RefundRecord(long id, long paymentId, PaymentMethod method, BigDecimal amount, String providerRef) {
}
