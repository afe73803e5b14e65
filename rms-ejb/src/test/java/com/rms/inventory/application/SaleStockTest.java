package com.rms.inventory.application;

import static com.rms.inventory.application.LedgerHarness.ALPHA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.platform.error.ValidationException;
import com.rms.platform.messaging.ConsumerHarness;
import com.rms.platform.messaging.EventConsumer;
import com.rms.platform.messaging.EventMessage;
import com.rms.platform.messaging.MalformedEventException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inventory consumer's handler on the real ledger: a sale deducted once per event, a re-opening restores, failures leave nothing. */
class SaleStockTest {

    private LedgerHarness h;

    @BeforeEach
    void kitchen() {
        h = new LedgerHarness(ALPHA);
        h.seedKitchen(ALPHA);
    }

    @AfterEach
    void close() {
        h.close();
    }

    /** Applies the events as the inventory consumer's transaction does: one batch, each event once. */
    private void apply(EventMessage... events) {
        h.call(ALPHA, b -> {
            SaleStock handler = new SaleStock();
            handler.stock = b.port();
            return ConsumerHarness.applyNewAll(b.em(), EventConsumer.INVENTORY, handler::applyAll, List.of(events));
        });
    }

    /** Order 700: 3 burgers with extra cheese (201) and 1 plain. */
    private static String completedJson(long orderId, long menuItemId, String extra) {
        return "{\"orderId\":" + orderId + ",\"outletId\":1,"
                + "\"total\":40,\"lines\":[{\"lineId\":1,\"menuItemId\":" + menuItemId + ",\"modifierIds\":[201],\"quantity\":3,"
                + "\"net\":30,\"tax\":3,\"gross\":33},{\"lineId\":2,\"menuItemId\":100,\"modifierIds\":[],\"quantity\":1,"
                + "\"net\":7,\"tax\":0,\"gross\":7}]" + extra + "}";
    }

    private static EventMessage completed(String eventId, long orderId, long menuItemId) {
        return ConsumerHarness.event(ALPHA, "order.completed", eventId, completedJson(orderId, menuItemId, ""));
    }

    private List<List<Object>> movements() {
        return h.rows(ALPHA, "select stock_item_id, reason, quantity, reference from stock_movement "
                + "where reference like 'order-%' order by reason, stock_item_id");
    }

    @Test
    void aCompletedOrderIsDeductedByRecipeOncePerEventAndOncePerOrder() {
        apply(completed("e-1", 700, 100));
        List<List<Object>> sale = movements();
        assertEquals(List.of(
                List.of(10L, "SALE", "-0.6", "order-700"), List.of(11L, "SALE", "-4", "order-700"),
                List.of(12L, "SALE", "-0.09", "order-700"), List.of(13L, "SALE", "-0.08", "order-700")), sale);
        String after = h.snapshot(ALPHA);
        apply(completed("e-1", 700, 100));
        apply(completed("e-other", 700, 100));
        assertEquals(after, h.snapshot(ALPHA), "a redelivery or a second event for the same order changes no stock");
        assertEquals(2, h.count(ALPHA, "processed_event", "consumer = 'inventory'"));
        h.assertLedgerBalances(ALPHA);
    }

    @Test
    void aBatchOfCompletionsIsDeductedOnceEachWithTheRestOfItsBatch() {
        apply(completed("e-1", 700, 100));
        apply(completed("e-1", 700, 100), completed("e-2", 701, 100), completed("e-3", 702, 100), completed("e-2", 701, 100),
                withReference("order.reopened", "e-4", "order-700"));
        assertEquals(List.of(List.of("order-701", 4L), List.of("order-702", 4L)), h.rows(ALPHA, "select reference, count(*) "
                + "from stock_movement where reason = 'SALE' and reference <> 'order-700' group by reference order by 1"));
        assertEquals(4, h.count(ALPHA, "stock_movement", "reason = 'REFUND' and reference = 'order-700'"),
                "the re-opening in the same batch put back what the first completion took");
        assertEquals(4, h.count(ALPHA, "processed_event", "consumer = 'inventory'"));
        h.assertLedgerBalances(ALPHA);
    }

    @Test
    void anEventThatCannotBeAppliedThrowsAndRollsBackEverything() {
        String before = h.snapshot(ALPHA);
        assertThrows(ValidationException.class, () -> apply(completed("e-1", 701, 999)), "an unknown menu item");
        MalformedEventException zero = assertThrows(MalformedEventException.class, () -> apply(ConsumerHarness.event(
                ALPHA, "order.completed", "e-2", "{\"orderId\":702,\"outletId\":1,\"total\":1,\"lines\":[{\"lineId\":1,"
                + "\"menuItemId\":100,\"quantity\":0,\"net\":1,\"tax\":0,\"gross\":1}]}")));
        assertTrue(zero.getMessage().contains("lines[0].quantity"), zero.getMessage());
        assertThrows(MalformedEventException.class, () -> apply(ConsumerHarness.event(ALPHA, "order.refunded", "e-3",
                "{\"orderId\":702,\"outletId\":1,\"total\":40,\"refundId\":5,\"amount\":1,\"lines\":"
                + "[{\"lineId\":1,\"menuItemId\":100,\"quantity\":1,\"net\":1,\"tax\":0,\"gross\":1}]}")),
                "refunds do not go to inventory");
        assertEquals(before, h.snapshot(ALPHA));
        assertEquals(0, h.count(ALPHA, "processed_event", null), "a failed event is not marked processed");
    }

    private static EventMessage withReference(String type, String eventId, String reference) {
        return ConsumerHarness.event(ALPHA, type, eventId, completedJson(700, 100, ",\"stockReference\":\"" + reference
                + "\",\"completionEventId\":\"e-1\""));
    }

    private List<List<Object>> onHand() {
        return h.rows(ALPHA, "select outlet_id, stock_item_id, on_hand from stock_level where on_hand <> 0 order by 1, 2");
    }

    @Test
    void aReopenedCompletionIsPutBackAndTheNextCompletionDeductsUnderItsOwnReference() {
        List<List<Object>> untouched = onHand();
        apply(completed("e-1", 700, 100));
        List<List<Object>> sold = onHand();
        EventMessage reopened = withReference("order.reopened", "e-2", "order-700");
        apply(reopened);
        apply(reopened);
        assertEquals(untouched, onHand(), "the re-opening puts back what the first completion took, once");
        apply(withReference("order.completed", "e-3", "order-700/2"));
        assertEquals(sold, onHand(), "the second completion is deducted although order-700 was deducted before");
        assertEquals(4, h.count(ALPHA, "stock_movement", "reason = 'SALE' and reference = 'order-700/2'"));
        apply(withReference("order.reopened", "e-4", "order-700/2"));
        assertEquals(untouched, onHand());
        h.assertLedgerBalances(ALPHA);

        String before = h.snapshot(ALPHA);
        assertThrows(MalformedEventException.class, () -> apply(withReference("order.reopened",
                "e-5", "order-7001")), "a reference of another order");
        MalformedEventException noReference = assertThrows(MalformedEventException.class, () -> apply(
                ConsumerHarness.event(ALPHA, "order.reopened", "e-6", completedJson(700, 100, ",\"completionEventId\":\"e-1\""))),
                "a re-opening names the completion's reference");
        assertTrue(noReference.getMessage().contains("stockReference"), noReference.getMessage());
        assertEquals(before, h.snapshot(ALPHA));
    }
}
