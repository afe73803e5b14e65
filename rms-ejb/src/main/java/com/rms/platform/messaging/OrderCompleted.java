package com.rms.platform.messaging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code order.completed}: the order was paid in full. Its stock is deducted under
 * {@code stockReference} (the completion's own: {@code order-N}, {@code order-N/2} after a
 * re-opening), the sale recorded at {@code completedAt}, points earned by the customer if any.
 */
public record OrderCompleted(
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
        @NotNull BigDecimal total,
        BigDecimal tips,
        @NotEmpty List<@NotNull @Valid SaleLine> lines,
        String stockReference,
        OffsetDateTime completedAt,
        String eventId,
        String tenant) implements SaleEvent {

    @Override
    public OrderCompleted stamped(String eventId, String tenant) {
        return new OrderCompleted(orderId, outletId, number, channel, staff, currency, customerId, subtotal,
                discountTotal, taxTotal, total, tips, lines, stockReference, completedAt, eventId, tenant);
    }
}
