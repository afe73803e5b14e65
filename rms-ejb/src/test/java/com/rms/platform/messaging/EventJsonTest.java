package com.rms.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The typed events read what the producer has always written: the flat JSON of {@code Orders.saleEvent}
 * (built here the same way, field by field), so messages queued before an upgrade are applied after it,
 * and what the typed producer writes reads back the same.
 */
class EventJsonTest {

    /** {@code Orders.saleEvent} of a two-line order as the hand-written producer builds it. */
    private static JsonObjectBuilder legacySale(String completedAt, Long customerId) {
        JsonArrayBuilder lines = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("lineId", 11L).add("menuItemId", 100L).add("sku", "BURGER")
                        .add("name", "Burger").add("categoryId", 7L).add("categoryName", "Mains")
                        .add("modifierIds", Json.createArrayBuilder().add(201L)).add("quantity", 2)
                        .add("net", new BigDecimal("18.000")).add("tax", new BigDecimal("1.800"))
                        .add("gross", new BigDecimal("19.800")))
                .add(Json.createObjectBuilder().add("lineId", 12L).add("menuItemId", 300L).add("sku", "COLA")
                        .add("name", "Cola").add("categoryId", 8L).add("categoryName", "Drinks")
                        .add("modifierIds", Json.createArrayBuilder()).add("quantity", 1)
                        .add("net", new BigDecimal("2.500")).add("tax", new BigDecimal("0.500"))
                        .add("gross", new BigDecimal("3.000")));
        JsonObjectBuilder event = Json.createObjectBuilder().add("orderId", 500L).add("outletId", 1L)
                .add("number", "500").add("channel", "TAKEAWAY").add("staff", "cashier").add("currency", "EUR")
                .add("completedAt", completedAt).add("subtotal", new BigDecimal("20.500"))
                .add("discountTotal", new BigDecimal("0.000")).add("taxTotal", new BigDecimal("2.300"))
                .add("total", new BigDecimal("22.800")).add("tips", new BigDecimal("0.000")).add("lines", lines);
        if (customerId == null) {
            event.addNull("customerId");
        } else {
            event.add("customerId", customerId);
        }
        return event;
    }

    private static EventMessage read(String type, JsonObject body) {
        return EventMessage.read("alpha", type, "e-1", body.toString(), ConsumerHarness.VALIDATOR);
    }

    @Test
    void theLegacyCompletionIsReadWithEveryFieldTheConsumersUse() {
        JsonObject body = legacySale("2025-03-10T22:30:00.123456Z", 42L).add("stockReference", "order-500/2")
                .add("eventId", "e-1").add("tenant", "alpha").build();
        OrderCompleted event = assertInstanceOf(OrderCompleted.class, read("order.completed", body).event());
        assertEquals(500L, event.orderId());
        assertEquals("500", event.number());
        assertEquals(42L, event.customerId());
        assertEquals(0, new BigDecimal("22.8").compareTo(event.total()));
        assertEquals("order-500/2", event.stockReference());
        assertEquals(OffsetDateTime.parse("2025-03-10T22:30:00.123456Z"), event.completedAt());
        assertEquals(List.of(new SaleLine(11L, 100L, "BURGER", "Burger", 7L, "Mains", List.of(201L), 2,
                new BigDecimal("18.000"), new BigDecimal("1.800"), new BigDecimal("19.800")),
                new SaleLine(12L, 300L, "COLA", "Cola", 8L, "Drinks", List.of(), 1, new BigDecimal("2.500"),
                        new BigDecimal("0.500"), new BigDecimal("3.000"))), event.lines());
        // events written before completions had references carry none: the consumer then uses order-N
        assertNull(assertInstanceOf(OrderCompleted.class, read("order.completed", legacySale("2025-03-10T22:30:00Z", null)
                .build()).event()).stockReference());
    }

    @Test
    void theLegacyReopeningAndRefundAreRead() {
        JsonObject reopened = legacySale("2025-03-10T22:30:00Z", null).add("stockReference", "order-500")
                .add("completionEventId", "c-1").add("reason", "wrong table").add("reopenedAt", "2025-03-10T23:00:00Z")
                .build();
        OrderReopened r = assertInstanceOf(OrderReopened.class, read("order.reopened", reopened).event());
        assertEquals("c-1", r.completionEventId());
        assertEquals(OffsetDateTime.parse("2025-03-10T23:00:00Z"), r.reopenedAt());

        // a refund of a re-opened order written before the completedAt of an open order was left out: ""
        JsonObject refunded = legacySale("", 42L).add("refundId", 9L).add("amount", new BigDecimal("5.00"))
                .add("refundable", new BigDecimal("22.800")).add("reason", "cold").add("completionEventId", "c-1").build();
        OrderRefunded f = assertInstanceOf(OrderRefunded.class, read("order.refunded", refunded).event());
        assertEquals(9L, f.refundId());
        assertEquals(0, new BigDecimal("5").compareTo(f.amount()));
        assertNull(f.refundedAt(), "the refund's own time was never written: the consumer counts it now");
    }

    @Test
    void whatTheTypedProducerWritesReadsBackTheSameAndKeepsTheFlatFields() {
        OrderCompleted sale = assertInstanceOf(OrderCompleted.class, read("order.completed",
                legacySale("2025-03-10T22:30:00Z", 42L).add("stockReference", "order-500").build()).event());
        String json = EventJson.write(sale.stamped("e-9", "alpha"));
        JsonObject flat = Json.createReader(new StringReader(json)).readObject();
        for (String field : List.of("orderId", "outletId", "number", "channel", "staff", "currency", "customerId",
                "subtotal", "discountTotal", "taxTotal", "total", "tips", "lines", "stockReference", "completedAt",
                "eventId", "tenant")) {
            assertEquals(true, flat.containsKey(field), field + " in " + json);
        }
        assertEquals(sale.stamped("e-9", "alpha"), EventJson.read(EventType.ORDER_COMPLETED, json));
    }
}
