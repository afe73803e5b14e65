package com.rms.inventory.application;

import com.rms.platform.messaging.EventConsumer;
import com.rms.platform.messaging.EventType;
import com.rms.platform.messaging.MalformedEventException;
import com.rms.platform.messaging.OrderCompleted;
import com.rms.platform.messaging.OrderReopened;
import com.rms.platform.messaging.SaleEvent;
import com.rms.platform.messaging.SaleLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The inventory side of a sale, applied from the RMS.Inventory queue: a completed order takes its
 * recipes' stock out of the outlet (as a sold fact, below zero if the count was wrong) under the
 * completion's stock reference; a re-opened one puts back what that reference took. The receiver
 * applies each event once (by event id), and the stock port is idempotent per reference as well.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SaleStock {

    public static final String CONSUMER = EventConsumer.INVENTORY.consumerName();

    @Inject
    StockAvailability stock;

    /** The stock reference of an order's sale. */
    public static String reference(long orderId) {
        return "order-" + orderId;
    }

    /** Applies an event of the RMS.Inventory queue in the caller's transaction. */
    public void apply(SaleEvent event) {
        applyAll(List.of(event));
    }

    /**
     * Applies a batch of events of the RMS.Inventory queue in the caller's transaction: the completed
     * sales are deducted together (the stock port locks the levels they touch once, after recording
     * them all, so a batch keeps concurrent orders waiting no longer than one deduction), then the
     * re-openings are put back. That order is safe: an order is re-opened only after its completion
     * was applied, and completed again only after its re-opening was.
     */
    public void applyAll(List<SaleEvent> events) {
        List<StockAvailability.Sale> sales = new ArrayList<>();
        List<OrderReopened> reopenings = new ArrayList<>();
        for (SaleEvent event : events) {
            switch (EventType.of(event)) {
                case ORDER_COMPLETED -> sales.add(sale((OrderCompleted) event));
                case ORDER_REOPENED -> reopenings.add((OrderReopened) event);
                case ORDER_REFUNDED -> throw new MalformedEventException("the inventory consumer does not handle "
                        + EventType.ORDER_REFUNDED.wireName());
            }
        }
        if (!sales.isEmpty()) {
            stock.deductSold(sales);
        }
        reopenings.forEach(this::reopened);
    }

    private static StockAvailability.Sale sale(OrderCompleted event) {
        // a completion deducts under its own reference (order-N, order-N/2 after a re-opening, ...);
        // events written before references were versioned carry none
        String reference = ofOrder(event.orderId(), Objects.requireNonNullElse(event.stockReference(),
                reference(event.orderId())));
        return new StockAvailability.Sale(event.outletId(), reference, lines(event.lines()));
    }

    private void reopened(OrderReopened event) {
        stock.restore(event.outletId(), ofOrder(event.orderId(), event.stockReference()));
    }

    /** The reference, checked to be one of the order's. */
    private static String ofOrder(long orderId, String reference) {
        if (!reference.equals(reference(orderId)) && !reference.startsWith(reference(orderId) + "/")) {
            throw new MalformedEventException("stockReference " + reference + " is not one of order " + orderId);
        }
        return reference;
    }

    private static List<StockAvailability.OrderLine> lines(List<SaleLine> lines) {
        return lines.stream().map(l -> new StockAvailability.OrderLine(l.menuItemId(), l.modifierIds(), l.quantity()))
                .toList();
    }
}
