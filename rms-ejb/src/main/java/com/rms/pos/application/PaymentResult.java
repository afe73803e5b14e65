package com.rms.pos.application;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The answer to a payment: the tender (with the change for cash) and where the order stands now. */
public record PaymentResult(long id, long orderId, String method, BigDecimal amount, BigDecimal tip,
        BigDecimal tendered, BigDecimal change, String status, String providerRef, String declineCode,
        String declineMessage, OffsetDateTime createdAt, String orderStatus, BigDecimal balance, long orderVersion) {
}
