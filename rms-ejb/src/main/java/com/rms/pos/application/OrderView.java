package com.rms.pos.application;

import com.rms.platform.text.Money;
import com.rms.payment.application.PaymentView;
import com.rms.pos.domain.Order;
import com.rms.pos.domain.OrderAction;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An order as the API shows it; {@code version} is what a device sends back in {@code If-Match};
 * {@code actions} is what the order allows now ({@link com.rms.pos.domain.OrderAction}), so a screen
 * offers exactly that, and {@code refundable} what a refund may still give back ({@link Order#refundable}).
 */
public record OrderView(long id, long outletId, String number, String channel, Long tableId, Long customerId,
        String status, String currency, List<OrderLineView> lines, DiscountView discount, BigDecimal subtotal,
        BigDecimal discountTotal, BigDecimal taxTotal, BigDecimal total, BigDecimal tips, BigDecimal paid,
        BigDecimal refunded, BigDecimal refundable, BigDecimal balance, List<PaymentView> payments, long version,
        String createdBy, OffsetDateTime createdAt, OffsetDateTime completedAt, List<String> actions) {

    static OrderView of(Order o, List<PaymentView> payments) {
        int scale = o.scale();
        DiscountView discount = o.getDiscountType() == null ? null : new DiscountView(o.getDiscountType().name(),
                o.getDiscountValue(), o.getDiscountReason(), o.getDiscountApprovedBy());
        return new OrderView(o.getId(), o.getOutletId(), String.valueOf(o.getId()), o.getChannel().name(),
                o.getTableId(), o.getCustomerId(), o.getStatus().name(), o.getCurrency(),
                o.getLines().stream().map(l -> OrderLineView.of(l, scale)).toList(), discount,
                Money.scaled(o.getSubtotal(), scale), Money.scaled(o.getDiscountTotal(), scale), Money.scaled(o.getTaxTotal(), scale),
                Money.scaled(o.getTotal(), scale), Money.scaled(o.getTips(), scale), Money.scaled(o.getPaid(), scale),
                Money.scaled(o.getRefunded(), scale), Money.scaled(o.refundable(), scale), Money.scaled(o.balance(), scale),
                payments, o.getVersion(), o.getCreatedBy(), o.getCreatedAt(), o.getCompletedAt(),
                o.actions().stream().map(OrderAction::apiName).toList());
    }
}
