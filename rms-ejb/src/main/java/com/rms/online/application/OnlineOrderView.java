package com.rms.online.application;

import com.rms.online.domain.OnlineOrder;
import com.rms.pos.application.OrderQueries;
import com.rms.pos.application.OrderView;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * An online order as the API shows it: its own facts and status, and from its point-of-sale order
 * ({@code orderId}) the total and currency as the server priced them. {@code acceptBy} is when a
 * RECEIVED order is rejected automatically.
 */
public record OnlineOrderView(long id, long orderId, long partnerId, long outletId, String externalRef, String status,
        OffsetDateTime estimatedReadyAt, BigDecimal total, String currency, Customer customer, String fulfilment,
        String address, OffsetDateTime requestedAt, String notes, String paymentMethod, OffsetDateTime acceptBy,
        String reason, OffsetDateTime createdAt) {

    /** Who the order is for. */
    public record Customer(String name, String phone, String email) {
    }

    static OnlineOrderView of(OnlineOrder o, OrderView order) {
        return of(o, new OrderQueries.Total(order.total(), order.currency()));
    }

    static OnlineOrderView of(OnlineOrder o, OrderQueries.Total order) {
        return new OnlineOrderView(o.getId(), o.getOrderId(), o.getPartnerId(), o.getOutletId(), o.getExternalRef(),
                o.getStatus().name(), o.getEstimatedReadyAt(), order.total(), order.currency(),
                new Customer(o.getCustomerName(), o.getCustomerPhone(), o.getCustomerEmail()), o.getFulfilment().name(),
                o.getAddress(), o.getRequestedAt(), o.getNotes(), o.getPaymentMethod().name(), o.getAcceptBy(),
                o.getReason(), o.getCreatedAt());
    }
}
