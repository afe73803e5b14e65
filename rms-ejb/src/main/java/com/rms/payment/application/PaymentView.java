package com.rms.payment.application;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A tender of an order as the API shows it. */
public record PaymentView(long id, String method, BigDecimal amount, BigDecimal tip, BigDecimal tendered,
        BigDecimal change, BigDecimal refunded, String status, String providerRef, String declineCode,
        OffsetDateTime createdAt) {
}
