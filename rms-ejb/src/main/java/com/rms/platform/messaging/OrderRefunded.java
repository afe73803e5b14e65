package com.rms.platform.messaging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code order.refunded}: {@code amount} of a completed order was given back. The sale's facts get
 * negative rows in proportion to amount / total at {@code refundedAt}, and the points earned by the
 * completion {@code completionEventId} are taken back in the same proportion.
 */
public record OrderRefunded(
        @NotNull Long orderId,
        @NotNull Long outletId,
        String number,
        String channel,
        String staff,
        String currency,
        Long customerId,
        BigDecimal subtotal,
        BigDecimal discountTotal,
        BigDecimal taxTotal,
        @NotNull @Positive BigDecimal total,
        BigDecimal tips,
        @NotEmpty List<@NotNull @Valid SaleLine> lines,
        @NotNull Long refundId,
        @NotNull @Positive BigDecimal amount,
        BigDecimal refundable,
        String reason,
        String completionEventId,
        OffsetDateTime refundedAt,
        String eventId,
        String tenant) implements SaleEvent {

    @Override
    public OrderRefunded stamped(String eventId, String tenant) {
        return new OrderRefunded(orderId, outletId, number, channel, staff, currency, customerId, subtotal,
                discountTotal, taxTotal, total, tips, lines, refundId, amount, refundable, reason, completionEventId,
                refundedAt, eventId, tenant);
    }
}
