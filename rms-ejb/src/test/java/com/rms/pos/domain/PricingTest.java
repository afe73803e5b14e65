package com.rms.pos.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.platform.error.BusinessRuleException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricingTest {

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static Pricing.LineInput line(String amount, String rate, boolean inclusive) {
        return new Pricing.LineInput(d(amount), d(rate), inclusive);
    }

    @Test
    void inclusiveTaxIsExtractedAndExclusiveTaxIsAddedPerLineHalfEven() {
        Pricing.Result r = Pricing.price(2, List.of(line("21.80", "19", true), line("3.50", "7", false)), null, null);
        assertEquals(d("3.48"), r.lines().get(0).tax());
        assertEquals(d("18.32"), r.lines().get(0).net());
        assertEquals(d("21.80"), r.lines().get(0).total());
        // 0.245 rounds to the even 0.24
        assertEquals(d("0.24"), r.lines().get(1).tax());
        assertEquals(d("3.74"), r.lines().get(1).total());
        assertEquals(d("25.30"), r.subtotal());
        assertEquals(d("3.72"), r.taxTotal());
        assertEquals(d("25.54"), r.total());
        // 0.355 rounds to the even 0.36
        assertEquals(d("0.36"), Pricing.price(2, List.of(line("5.00", "7.1", false)), null, null).taxTotal());
    }

    @Test
    void theDiscountIsSpreadExactlyByLargestRemainder() {
        // 1.00 over three equal lines: 0.33 each and the cent left over to the first
        Pricing.Result r = Pricing.price(2, List.of(line("1.00", "0", true), line("1.00", "0", true), line("1.00", "0", true)),
                DiscountType.AMOUNT, d("1.00"));
        assertEquals(List.of(d("0.34"), d("0.33"), d("0.33")), r.lines().stream().map(Pricing.LinePrice::discount).toList());
        assertEquals(d("2.00"), r.total());
        // the shares always add up to the discount
        Pricing.Result p = Pricing.price(2, List.of(line("7.77", "19", true), line("3.33", "7", false), line("0.01", "0", true)),
                DiscountType.PERCENT, d("33"));
        BigDecimal shares = p.lines().stream().map(Pricing.LinePrice::discount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(p.discountTotal(), shares);
        assertEquals(d("3.67"), p.discountTotal());
        // tax is on the discounted amount
        Pricing.Result t = Pricing.price(2, List.of(line("7.00", "7", false)), DiscountType.PERCENT, d("10"));
        assertEquals(d("0.44"), t.taxTotal());
        assertEquals(d("6.74"), t.total());
    }

    @Test
    void aDiscountNeverExceedsTheSubtotalAndZeroDecimalCurrenciesRoundToUnits() {
        Pricing.Result r = Pricing.price(2, List.of(line("5.00", "19", true)), DiscountType.AMOUNT, d("9.00"));
        assertEquals(d("5.00"), r.discountTotal());
        assertEquals(d("0.00"), r.total());
        Pricing.Result yen = Pricing.price(0, List.of(line("1000", "10", false), line("333", "8", true)), null, null);
        assertEquals(d("100"), yen.lines().get(0).tax());
        assertEquals(d("25"), yen.lines().get(1).tax());
        assertEquals(d("1433"), yen.total());
    }

    @Test
    void anOrderMovesThroughItsStatesAndRefusesWhatItsStateForbids() {
        Order order = new Order(1L, Channel.TAKEAWAY, null, null, "EUR", "cashier");
        order.addLine(new OrderLine(10, "LEMONADE", "Lemonade", 2, "Drinks", "BAR", 1, 2, d("3.50"), List.of(), null, 3,
                d("7"), false));
        order.reprice();
        assertEquals(d("7.49"), order.getTotal());
        order.sent();
        assertEquals(OrderStatus.SENT, order.getStatus());
        assertThrows(BusinessRuleException.class, () -> order.paid(d("8.00"), BigDecimal.ZERO));
        assertTrue(!order.paid(d("5.00"), BigDecimal.ZERO));
        assertThrows(BusinessRuleException.class, () -> order.voided("guest left", "manager"));
        assertTrue(order.paid(d("2.49"), d("1.00")));
        assertEquals(OrderStatus.COMPLETED, order.getStatus());
        assertThrows(BusinessRuleException.class, order::sent);
        assertEquals(d("8.49"), order.refundable());
        order.refunded(d("2.00"));
        assertEquals(OrderStatus.PARTIALLY_REFUNDED, order.getStatus());
        assertThrows(BusinessRuleException.class, () -> order.refunded(d("7.00")));
        order.refunded(d("6.49"));
        assertEquals(OrderStatus.REFUNDED, order.getStatus());
    }

    @Test
    void aReopenedOrderKeepsItsPaymentsAndCompletesAgainByPaymentOrByClosingAtZero() {
        Order order = new Order(1L, Channel.TAKEAWAY, null, null, "EUR", "cashier");
        assertThrows(BusinessRuleException.class, order::reopened, "only a completed order is re-opened");
        order.addLine(new OrderLine(10, "LEMONADE", "Lemonade", 2, "Drinks", "BAR", 1, 1, d("3.50"), List.of(), null, 3,
                d("7"), false));
        order.reprice();
        assertThrows(BusinessRuleException.class, order::close, "3.74 is left to pay");
        assertTrue(order.paid(d("3.74"), BigDecimal.ZERO));
        order.reopened();
        assertEquals(OrderStatus.OPEN, order.getStatus(), "nothing was sent to the kitchen");
        assertEquals(null, order.getCompletedAt());
        assertEquals(d("3.74"), order.getPaid());
        order.addLine(new OrderLine(10, "LEMONADE", "Lemonade", 2, "Drinks", "BAR", 1, 1, d("3.50"), List.of(), null, 3,
                d("7"), false));
        order.reprice();
        assertEquals(d("3.74"), order.balance(), "two lines of 3.74 (tax per line), 3.74 paid");
        assertThrows(BusinessRuleException.class, order::close);
        assertTrue(order.paid(d("3.74"), BigDecimal.ZERO));
        assertEquals(OrderStatus.COMPLETED, order.getStatus());
        order.reopened();
        order.close();
        assertEquals(OrderStatus.COMPLETED, order.getStatus(), "re-opened and closed again without a change");
        order.refunded(d("1.00"));
        assertThrows(BusinessRuleException.class, order::reopened, "a refunded order is corrected with refunds");
    }

    @Test
    void ticketsOnlyMoveForward() {
        KitchenTicket held = new KitchenTicket(1, 1, null, "GRILL", 2, true);
        assertEquals(TicketStatus.HELD, held.getStatus());
        assertThrows(BusinessRuleException.class, () -> held.move(TicketStatus.READY));
        assertTrue(held.fire());
        held.move(TicketStatus.READY);
        assertThrows(BusinessRuleException.class, () -> held.move(TicketStatus.IN_PROGRESS));
        held.move(TicketStatus.SERVED);
    }
}
