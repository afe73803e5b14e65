package com.rms.analytics.application;

import static com.rms.platform.messaging.ConsumerHarness.ALPHA;
import static com.rms.platform.messaging.ConsumerHarness.BETA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.platform.messaging.ConsumerHarness;
import com.rms.platform.messaging.EventConsumer;
import com.rms.platform.messaging.EventMessage;
import com.rms.platform.messaging.MalformedEventException;
import com.rms.platform.paging.PageRequest;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sales facts from order events on the real migrations: one fact per line, idempotent, reversals that sum right. */
class SalesFactsTest {

    private ConsumerHarness h;

    @BeforeEach
    void open() {
        h = new ConsumerHarness(ALPHA, BETA);
        h.seedOutlets(ALPHA);
        h.seedOutlets(BETA);
    }

    @AfterEach
    void close() {
        h.close();
    }

    private static SalesFacts facts(EntityManager em) {
        return SalesFactsAccess.facts(em);
    }

    /** Applies the event as the analytics consumer's transaction does: once per event id. */
    private void apply(EventMessage event) {
        h.run(event.tenant().equals("alpha") ? ALPHA : BETA, em -> ConsumerHarness.applyNew(em, EventConsumer.ANALYTICS,
                facts(em)::apply, List.of(event)));
    }

    private <T> T report(Function<SalesFacts, T> query) {
        return h.call(ALPHA, em -> query.apply(facts(em)));
    }

    /** Order 500 at Mitte (Berlin): 3 lines whose gross is 3.33 + 3.33 + 3.34 = 10.00, completed 22:30 UTC = 23:30 Berlin. */
    private static final String LINES = "[{\"lineId\":1,\"menuItemId\":100,\"sku\":\"BURGER\",\"name\":\"Burger\",\"categoryId\":7,"
            + "\"categoryName\":\"Mains\",\"modifierIds\":[],\"quantity\":1,\"net\":3.03,\"tax\":0.30,\"gross\":3.33},"
            + "{\"lineId\":2,\"menuItemId\":100,\"sku\":\"BURGER\",\"name\":\"Burger\",\"categoryId\":7,"
            + "\"categoryName\":\"Mains\",\"modifierIds\":[201],\"quantity\":1,\"net\":3.03,\"tax\":0.30,\"gross\":3.33},"
            + "{\"lineId\":3,\"menuItemId\":300,\"sku\":\"COLA\",\"name\":\"Cola\",\"categoryId\":8,"
            + "\"categoryName\":\"Drinks\",\"modifierIds\":[],\"quantity\":2,\"net\":2.80,\"tax\":0.54,\"gross\":3.34}]";

    private static EventMessage completed(String eventId) {
        return ConsumerHarness.event(ALPHA, "order.completed", eventId, "{\"orderId\":500,\"outletId\":1,"
                + "\"number\":\"A-1\",\"channel\":\"DINE_IN\",\"staff\":\"cashier\",\"customerId\":null,\"currency\":\"EUR\","
                + "\"completedAt\":\"2025-03-10T22:30:00Z\",\"subtotal\":8.86,\"discountTotal\":0,\"taxTotal\":1.14,"
                + "\"total\":10.00,\"tips\":0,\"lines\":" + LINES + "}");
    }

    private List<List<Object>> facts(String kind) {
        return h.rows(ALPHA, "select line_id, quantity, net, tax, gross, business_day, business_hour, staff, channel, "
                + "category_name from sales_fact where kind = '" + kind + "' order by line_id");
    }

    @Test
    void aCompletedOrderIsOneFactPerLineOnTheOutletsBusinessDayAndHourOnce() {
        apply(completed("e-1"));
        List<List<Object>> sale = facts("SALE");
        assertEquals(3, sale.size(), sale.toString());
        assertEquals(List.of(1L, 1, "3.03", "0.3", "3.33", java.sql.Date.valueOf("2025-03-10"), 23, "cashier", "DINE_IN",
                "Mains"), sale.get(0));

        apply(completed("e-1"));
        assertEquals(3, h.count(ALPHA, "sales_fact", null), "the same event again changes nothing");
        assertEquals(1, h.count(ALPHA, "processed_event", "consumer = 'analytics' and event_id = 'e-1'"));
        assertEquals(0, h.count(BETA, "sales_fact", null), "the other tenant has no facts");
    }

    @Test
    void aPartialRefundIsScaledAndItsRoundingRemainderKeepsTheSumExact() {
        apply(completed("e-1"));
        // 5.00 of 10.00: 1.665 -> 1.66 (HALF_EVEN) twice and 1.67: 4.99, the cent goes to the largest line
        apply(ConsumerHarness.event(ALPHA, "order.refunded", "e-2", "{\"orderId\":500,\"outletId\":1,\"refundId\":9,"
                + "\"number\":\"A-1\",\"channel\":\"DINE_IN\",\"staff\":\"cashier\",\"currency\":\"EUR\","
                + "\"amount\":5.00,\"total\":10.00,\"customerId\":null,\"reason\":\"cold\",\"refundedAt\":\"2025-03-11T09:00:00Z\","
                + "\"lines\":" + LINES + "}"));
        List<List<Object>> refund = h.rows(ALPHA, "select line_id, quantity, net, tax, gross, staff, business_day "
                + "from sales_fact where kind = 'REFUND' order by line_id");
        assertEquals(List.of(
                List.of(1L, 0, "-1.51", "-0.15", "-1.66", "cashier", java.sql.Date.valueOf("2025-03-11")),
                List.of(2L, 0, "-1.51", "-0.15", "-1.66", "cashier", java.sql.Date.valueOf("2025-03-11")),
                List.of(3L, 0, "-1.41", "-0.27", "-1.68", "cashier", java.sql.Date.valueOf("2025-03-11"))), refund);
        assertEquals("-5", h.rows(ALPHA, "select sum(gross) from sales_fact where kind = 'REFUND'").get(0).get(0));

        SalesReport byDay = report(f -> f.sales("2025-03-10", "2025-03-11", null, "day", new PageRequest(0, 50)));
        assertEquals(List.of("2025-03-10 10.00 1", "2025-03-11 -5.00 0"), byDay.items().stream()
                .map(r -> r.key() + " " + r.gross() + " " + r.orders()).toList());
        assertEquals(new BigDecimal("5.00"), byDay.totals().gross());
    }

    @Test
    void aReopeningNegatesEveryLineOfTheSaleAndTheReportNetsToZero() {
        apply(completed("e-1"));
        EventMessage reopened = ConsumerHarness.event(ALPHA, "order.reopened", "e-3", "{\"orderId\":500,\"outletId\":1,"
                + "\"total\":10.00,\"reason\":\"mistake\",\"stockReference\":\"order-500\",\"completionEventId\":\"e-1\","
                + "\"reopenedAt\":\"2025-03-10T22:45:00Z\",\"lines\":" + LINES + "}");
        apply(reopened);
        apply(reopened);
        assertEquals(3, h.count(ALPHA, "sales_fact", "kind = 'VOID'"));
        assertEquals(List.of(List.of("cashier", "DINE_IN", "-3.33")), h.rows(ALPHA, "select staff, channel, gross "
                + "from sales_fact where kind = 'VOID' and line_id = 1"), "booked against the sale's dimensions");
        SalesReport byItem = report(f -> f.sales("2025-03-10", "2025-03-10", 1L, "item", new PageRequest(0, 50)));
        assertEquals(List.of("100 Burger 0 0.00 0", "300 Cola 0 0.00 0"), byItem.items().stream()
                .map(r -> r.key() + " " + r.label() + " " + r.quantity() + " " + r.gross() + " " + r.orders()).toList());
        SalesReport byCategory = report(f -> f.sales("2025-03-10", null, null, "category", new PageRequest(0, 50)));
        assertEquals(2, byCategory.total());
    }

    @Test
    void theReportGroupsByHourAndChannelAndRejectsBadParameters() {
        apply(completed("e-1"));
        SalesReport byHour = report(f -> f.sales("2025-03-10", "2025-03-10", null, "hour", new PageRequest(0, 50)));
        assertEquals(List.of("23 10.00 4 1"), byHour.items().stream()
                .map(r -> r.key() + " " + r.gross() + " " + r.quantity() + " " + r.orders()).toList());
        SalesReport byOutlet = report(f -> f.sales("2025-03-10", "2025-03-10", null, "outlet", new PageRequest(0, 50)));
        assertEquals("Mitte", byOutlet.items().get(0).label());
        assertThrows(com.rms.platform.error.ValidationException.class,
                () -> report(f -> f.sales("2025-03-10", "2025-03-09", null, "day", new PageRequest(0, 50))));
        assertThrows(com.rms.platform.error.ValidationException.class,
                () -> report(f -> f.sales(null, null, null, "weekday", new PageRequest(0, 50))));
        assertThrows(com.rms.platform.error.NotFoundException.class,
                () -> report(f -> f.sales(null, null, 999L, "day", new PageRequest(0, 50))));
    }

    @Test
    void anEventThatCannotBeAppliedThrowsAndLeavesNoTrace() {
        assertThrows(MalformedEventException.class, () -> apply(ConsumerHarness.event(ALPHA, "order.refunded", "e-4",
                "{\"orderId\":500,\"outletId\":1,\"refundId\":9,\"amount\":12.00,\"total\":10.00,\"lines\":" + LINES + "}")));
        assertThrows(MalformedEventException.class, () -> apply(ConsumerHarness.event(ALPHA, "order.completed", "e-5",
                "{\"orderId\":501,\"outletId\":77,\"total\":10.00,\"lines\":" + LINES + "}")),
                "an outlet this tenant does not have");
        MalformedEventException noLines = assertThrows(MalformedEventException.class, () -> apply(ConsumerHarness.event(
                ALPHA, "order.completed", "e-6", "{\"orderId\":501,\"outletId\":1,\"total\":10.00,\"lines\":[]}")));
        assertTrue(noLines.getMessage().contains("lines"), noLines.getMessage());
        MalformedEventException badTime = assertThrows(MalformedEventException.class, () -> apply(ConsumerHarness.event(
                ALPHA, "order.completed", "e-7", "{\"orderId\":501,\"outletId\":1,\"total\":10.00,"
                + "\"completedAt\":\"yesterday\",\"lines\":" + LINES + "}")));
        assertTrue(badTime.getMessage().contains("order.completed"), badTime.getMessage());
        assertEquals(0, h.count(ALPHA, "processed_event", null), "a failed event is not marked processed");
        assertEquals(0, h.count(ALPHA, "sales_fact", null));
    }

    @Test
    void sharesSumToTheRoundedShareOfTheSum() {
        List<BigDecimal> shares = SalesFacts.share(List.of(new BigDecimal("0.01"), new BigDecimal("0.01"),
                new BigDecimal("0.01")), new BigDecimal("1"), new BigDecimal("3"), 2);
        assertEquals(new BigDecimal("0.01"), shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
