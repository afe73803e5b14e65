package com.rms.pos.domain;

import static com.rms.pos.domain.OrderSettleRulesTest.d;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a line allows at each step of its order's life: voiding while it is sold on an open order, nothing else. */
class OrderLineActionsTest {

    @Test
    void aSoldLineOfAnOpenOrderMayBeVoidedAndNothingElseMay() {
        Order order = OrderSettleRulesTest.order();
        order.addLine(new OrderLine(110, "FRIES", "Fries", 1, "Mains", "grill", 2, 1, d("4.00"), List.of(), null, 1,
                d("19"), true));
        order.reprice();
        OrderLine burger = order.getLines().get(0);
        OrderLine fries = order.getLines().get(1);
        assertEquals(Set.of(LineAction.VOID), burger.actions());

        order.sent();
        burger.routed(7L);
        assertEquals(Set.of(LineAction.VOID), burger.actions(), "sent: still voided, with a manager's approval");
        fries.voided("guest changed their mind", "cashier", null);
        order.reprice();
        assertEquals(Set.of(), fries.actions(), "a voided line is voided once");
        assertEquals(Set.of(LineAction.VOID), burger.actions());

        order.paid(d("10.00"), BigDecimal.ZERO);
        assertEquals(OrderStatus.COMPLETED, order.getStatus());
        assertEquals(Set.of(), burger.actions(), "a paid check is corrected by re-opening or refunding it");
        order.reopened();
        assertEquals(Set.of(LineAction.VOID), burger.actions(), "open again");
        assertEquals(Set.of(), fries.actions());
    }

    @Test
    void noLineOfAVoidedOrderMayBeVoided() {
        Order order = OrderSettleRulesTest.order();
        order.voided("guest left", "manager");
        assertEquals(Set.of(), order.getLines().get(0).actions());
    }
}
