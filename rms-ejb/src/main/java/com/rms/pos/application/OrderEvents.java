package com.rms.pos.application;

import com.rms.platform.events.Events;
import com.rms.platform.messaging.OrderCompleted;
import com.rms.platform.messaging.OrderRefunded;
import com.rms.platform.messaging.OrderReopened;
import com.rms.platform.messaging.SaleLine;
import com.rms.platform.outbox.Outbox;
import com.rms.pos.domain.Order;
import com.rms.pos.domain.OrderLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything an order tells others, built from the {@link Order} in one place: the announcements on
 * the tenant's event stream ({@code order.created}, {@code order.updated}, {@code order.completed},
 * sent after commit) and the side-effect events written to the outbox in the order's transaction
 * ({@link OrderCompleted}, {@link OrderReopened}, {@link OrderRefunded}).
 */
@ApplicationScoped
public class OrderEvents {

    static final String CREATED = "order.created";
    static final String UPDATED = "order.updated";
    static final String COMPLETED = "order.completed";

    @Inject
    Events events;

    @Inject
    Outbox outbox;

    /** Announces the order as it is now; call it once its changes are flushed (the version is the new one). */
    public void announce(Order order, String type) {
        JsonObjectBuilder data = Json.createObjectBuilder().add("id", order.getId())
                .add("status", order.getStatus().name()).add("version", order.getVersion())
                .add("total", order.getTotal()).add("balance", order.balance());
        if (order.getTableId() == null) {
            data.addNull("tableId");
        } else {
            data.add("tableId", order.getTableId());
        }
        events.publish(order.getOutletId(), type, data.build());
    }

    /** The completion's sale, for stock, sales facts and points. @return the event id */
    public String completed(Order order, String stockReference) {
        return outbox.append(new OrderCompleted(order.getId(), order.getOutletId(), number(order),
                order.getChannel().name(), order.getCreatedBy(), order.getCurrency(), order.getCustomerId(),
                order.getSubtotal(), order.getDiscountTotal(), order.getTaxTotal(), order.getTotal(), order.getTips(),
                lines(order), stockReference, order.getCompletedAt(), null, null), aggregate(order));
    }

    /**
     * The reversal of a completion (its stock, facts and points); {@code order} as it was sold, before
     * it was re-opened. @return the event id
     */
    public String reopened(Order order, Completions.Completion completion, String reason, OffsetDateTime at) {
        return outbox.append(new OrderReopened(order.getId(), order.getOutletId(), number(order),
                order.getChannel().name(), order.getCreatedBy(), order.getCurrency(), order.getCustomerId(),
                order.getSubtotal(), order.getDiscountTotal(), order.getTaxTotal(), order.getTotal(), order.getTips(),
                lines(order), completion.stockReference(), completion.eventId(), reason, at, null, null), aggregate(order));
    }

    /** Money given back: negative facts and points taken back in proportion. @return the event id */
    public String refunded(Order order, long refundId, BigDecimal amount, BigDecimal refundableBefore, String reason,
            String completionEventId, OffsetDateTime at) {
        return outbox.append(new OrderRefunded(order.getId(), order.getOutletId(), number(order),
                order.getChannel().name(), order.getCreatedBy(), order.getCurrency(), order.getCustomerId(),
                order.getSubtotal(), order.getDiscountTotal(), order.getTaxTotal(), order.getTotal(), order.getTips(),
                lines(order), refundId, amount, refundableBefore, reason, completionEventId, at, null, null),
                aggregate(order));
    }

    private static String number(Order order) {
        return String.valueOf(order.getId());
    }

    private static String aggregate(Order order) {
        return "order:" + order.getId();
    }

    /** Each active line as the consumers need it. */
    static List<SaleLine> lines(Order order) {
        return order.activeLines().stream().map(OrderEvents::line).toList();
    }

    private static SaleLine line(OrderLine l) {
        return new SaleLine(l.getId(), l.getMenuItemId(), l.getSku(), l.getName(), l.getCategoryId(), l.getCategoryName(),
                l.chosenModifiers().stream().map(OrderLine.SoldModifier::id).toList(), l.getQuantity(), l.getNet(),
                l.getTax(), l.getNet().add(l.getTax()));
    }
}
