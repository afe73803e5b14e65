package com.rms.pos.application;

import com.rms.payment.application.PaymentCommand;
import java.util.List;

/**
 * A new order. Prices, taxes and totals are never taken from the client. With {@code payments} that
 * cover the total the order is paid and completed in the same call (a quick sale).
 */
public record CreateOrderCommand(Long outletId, String channel, Long tableId, Long customerId, List<LineCommand> lines,
        DiscountCommand discount, List<PaymentCommand> payments, String managerPin) {
}
