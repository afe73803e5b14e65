package com.rms.pos.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.platform.error.BusinessRuleException;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The settle rules the order guards, and what it allows at each step of its life. */
class OrderSettleRulesTest {

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    /** A takeaway of one line of 10.00 (VAT included). */
    static Order order() {
        Order order = new Order(1, Channel.TAKEAWAY, null, null, "EUR", "cashier");
        order.addLine(new OrderLine(100, "BURGER", "Burger", 1, "Mains", "grill", 1, 1, d("10.00"), List.of(), null, 1,
                d("19"), true));
        order.reprice();
        return order;
    }

    @Test
    void aTenderTakesAtMostWhatIsLeftBesideChargesInFlightAndSettlesTheRest() {
        Order order = order();
        assertFalse(order.takes(d("4.00"), BigDecimal.ZERO, BigDecimal.ZERO), "part of the balance");
        assertTrue(order.takes(d("10.00"), d("1.00"), BigDecimal.ZERO), "the whole balance settles, a tip on top");
        BusinessRuleException over = assertThrows(BusinessRuleException.class,
                () -> order.takes(d("7.00"), BigDecimal.ZERO, d("4.00")));
        assertTrue(over.getMessage().contains("awaiting the card provider"), over.getMessage());
        assertThrows(BusinessRuleException.class, () -> order.takes(d("1.001"), BigDecimal.ZERO, BigDecimal.ZERO),
                "EUR has two decimals");
        assertEquals(d("8.50"), Order.change(d("10.00"), d("1.50"), d("20.00")));
        assertEquals(d("0.00"), Order.change(d("10.00"), d("0.00"), null).setScale(2));
        assertThrows(BusinessRuleException.class, () -> Order.change(d("10.00"), d("1.00"), d("10.50")));
    }

    @Test
    void theActionsFollowTheOrdersLife() {
        Order order = order();
        assertEquals(EnumSet.of(OrderAction.ADD_LINES, OrderAction.DISCOUNT, OrderAction.CUSTOMER, OrderAction.VOID_LINE,
                OrderAction.SEND, OrderAction.PAY, OrderAction.VOID), order.actions());
        order.sent();
        order.getLines().get(0).routed(7L);
        assertFalse(order.actions().contains(OrderAction.SEND), "nothing left to send");
        assertFalse(order.paid(d("4.00"), BigDecimal.ZERO));
        assertFalse(order.actions().contains(OrderAction.VOID), "something was paid: refunded, not voided");
        assertTrue(order.paid(d("6.00"), BigDecimal.ZERO), "the balance reached zero: completed");
        assertEquals(Set.of(OrderAction.REFUND, OrderAction.REOPEN), order.actions());
        order.reopened();
        assertEquals(OrderStatus.SENT, order.getStatus());
        assertTrue(order.actions().contains(OrderAction.COMPLETE), "paid in full and open again: closed without a payment");
        assertFalse(order.actions().contains(OrderAction.PAY));
        order.close();
        order.checkRefund(d("3.00"));
        order.refunded(d("3.00"));
        assertEquals(Set.of(OrderAction.REFUND), order.actions(), "partly refunded: corrected with refunds, not re-opened");
        assertThrows(BusinessRuleException.class, () -> order.checkRefund(d("7.01")));
        order.refunded(d("7.00"));
        assertEquals(Set.of(), order.actions());
    }
}
