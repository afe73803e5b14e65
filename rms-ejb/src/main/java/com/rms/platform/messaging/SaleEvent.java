package com.rms.platform.messaging;

import java.math.BigDecimal;
import java.util.List;

/**
 * What every order event carries: the sale as it stood (outlet, staff, channel, customer, totals and
 * active lines). The JSON is flat — the sale's fields beside the event's own — which is the wire
 * format events have always had, so messages written before an upgrade are still read after it.
 * {@code eventId} and {@code tenant} are stamped by the outbox when the event is appended.
 */
public sealed interface SaleEvent permits OrderCompleted, OrderReopened, OrderRefunded {

    Long orderId();

    Long outletId();

    String number();

    String channel();

    String staff();

    String currency();

    Long customerId();

    BigDecimal subtotal();

    BigDecimal discountTotal();

    BigDecimal taxTotal();

    BigDecimal total();

    BigDecimal tips();

    List<SaleLine> lines();

    /** The event's id (the outbox's), unique per event; null until appended. */
    String eventId();

    /** The tenant slug the event belongs to; null until appended. */
    String tenant();

    /** This event with the outbox's id and tenant stamped on it. */
    SaleEvent stamped(String eventId, String tenant);
}
