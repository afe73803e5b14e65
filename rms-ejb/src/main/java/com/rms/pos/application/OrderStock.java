package com.rms.pos.application;

import com.rms.inventory.application.StockAvailability;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.pos.domain.Order;
import com.rms.pos.domain.OrderLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * An order's stock through the inventory port: whether the outlet can make its lines, and the hold
 * its settling tender takes (under the completion's own stock reference) until it is paid.
 */
@ApplicationScoped
public class OrderStock {

    @Inject
    StockAvailability stock;

    /** Refuses lines the outlet cannot make with the order's other active lines (422 per short line). */
    public void require(long outletId, List<OrderLine> added, List<OrderLine> existing) {
        List<OrderLine> all = new ArrayList<>(existing);
        all.addAll(added);
        List<StockAvailability.Shortage> shortages = stock.check(outletId, lines(all));
        if (!shortages.isEmpty()) {
            throw new BusinessRuleException("insufficient stock", shortages.stream().map(s -> new FieldError(
                    "lines[" + Math.max(0, s.line() - existing.size()) + "]", "not enough " + s.sku() + ": needs "
                            + s.required().stripTrailingZeros().toPlainString() + ", has "
                            + s.available().stripTrailingZeros().toPlainString())).toList());
        }
    }

    /** Holds what the order's active lines consume under {@code reference} (422 when the outlet has too little). */
    public void hold(Order order, String reference) {
        stock.hold(order.getOutletId(), reference, lines(order.activeLines()));
    }

    /** Gives back what {@code reference} holds, if anything. */
    public void release(long outletId, String reference) {
        stock.release(outletId, reference);
    }

    /** The stock the lines consume, as the inventory port sees them. */
    static List<StockAvailability.OrderLine> lines(List<OrderLine> lines) {
        return lines.stream().map(l -> new StockAvailability.OrderLine(l.getMenuItemId(),
                l.chosenModifiers().stream().map(OrderLine.SoldModifier::id).toList(), l.getQuantity())).toList();
    }
}
