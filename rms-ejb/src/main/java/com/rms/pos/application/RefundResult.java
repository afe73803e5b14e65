package com.rms.pos.application;

import java.math.BigDecimal;
import java.util.List;

/** The answer to a refund: what went back on which tender, who approved it, and where the order stands. */
public record RefundResult(long orderId, BigDecimal amount, String reason, String approvedBy, List<Part> parts,
        String orderStatus, BigDecimal refunded) {

    /** The part of a refund given back on one tender. */
    public record Part(long refundId, long paymentId, String method, BigDecimal amount, String providerRef) {
    }
}
