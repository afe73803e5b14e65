package com.rms.platform.messaging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code order.reopened}: a manager re-opened a completed order. The completion whose event is
 * {@code completionEventId} is reversed: the stock taken under {@code stockReference} goes back, its
 * sales facts are negated at {@code reopenedAt}, the points it earned are taken back.
 */
public record OrderReopened(
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
        @NotBlank String stockReference,
        @NotBlank String completionEventId,
        String reason,
        OffsetDateTime reopenedAt,
        String eventId,
        String tenant) implements SaleEvent {

    @Override
    public OrderReopened stamped(String eventId, String tenant) {
        return new OrderReopened(orderId, outletId, number, channel, staff, currency, customerId, subtotal,
                discountTotal, taxTotal, total, tips, lines, stockReference, completionEventId, reason, reopenedAt,
                eventId, tenant);
    }
}
