package com.rms.inventory.application;

import com.rms.platform.messaging.EventMessage;
import com.rms.platform.messaging.MalformedEventException;
import com.rms.platform.messaging.ProcessedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The inventory side of a sale, applied from the RMS.Inventory queue: a completed order takes its
 * recipes' stock out of the outlet (as a sold fact, below zero if the count was wrong) under the
 * completion's stock reference; a re-opened (or voided) one puts back what that reference took. Each event is applied once (by event id, and the stock
 * port is idempotent per order reference as well).
 */
@ApplicationScoped
@Transactional
public class SaleStock {

    public static final String CONSUMER = "inventory";

    @Inject
    StockAvailability stock;

    @Inject
    ProcessedEvents processed;

    /** The stock reference of an order's sale. */
    public static String reference(long orderId) {
        return "order-" + orderId;
    }

    public void apply(EventMessage event) {
        switch (event.type()) {
            case "order.completed", "order.voided", "order.reopened" -> { }
            default -> throw new MalformedEventException("the inventory consumer does not handle " + event.type());
        }
        long orderId = event.requireLong("orderId");
        long outletId = event.requireLong("outletId");
        // a completion deducts under its own reference (order-N, order-N/2 after a re-opening, ...);
        // events written before references were versioned carry none
        String reference = switch (event.type()) {
            case "order.voided" -> reference(orderId);
            case "order.reopened" -> event.requireString("stockReference");
            default -> Objects.requireNonNullElse(event.optionalString("stockReference"), reference(orderId));
        };
        if (!reference.equals(reference(orderId)) && !reference.startsWith(reference(orderId) + "/")) {
            throw new MalformedEventException("stockReference " + reference + " is not one of order " + orderId);
        }
        List<StockAvailability.OrderLine> lines = "order.completed".equals(event.type()) ? lines(event) : List.of();
        if (!processed.firstTime(CONSUMER, event)) {
            return;
        }
        if ("order.completed".equals(event.type())) {
            stock.deductSold(outletId, reference, lines);
        } else {
            stock.restore(outletId, reference);
        }
    }

    private static List<StockAvailability.OrderLine> lines(EventMessage event) {
        List<StockAvailability.OrderLine> lines = new ArrayList<>();
        for (JsonObject line : event.lines()) {
            List<Long> modifiers = new ArrayList<>();
            JsonValue ids = line.get("modifierIds");
            if (ids != null && ids.getValueType() == JsonValue.ValueType.ARRAY) {
                ids.asJsonArray().forEach(v -> {
                    if (v.getValueType() != JsonValue.ValueType.NUMBER) {
                        throw new MalformedEventException("lines[].modifierIds: must be integers");
                    }
                    modifiers.add(((jakarta.json.JsonNumber) v).longValueExact());
                });
            }
            long quantity = EventMessage.requireLong(line, "quantity");
            if (quantity <= 0 || quantity > Integer.MAX_VALUE) {
                throw new MalformedEventException("lines[].quantity: must be positive");
            }
            lines.add(new StockAvailability.OrderLine(EventMessage.requireLong(line, "menuItemId"), modifiers,
                    (int) quantity));
        }
        return lines;
    }
}
