package com.rms.inventory.application;

import static com.rms.inventory.application.LedgerHarness.ALPHA;
import static com.rms.inventory.application.LedgerHarness.BEEF;
import static com.rms.inventory.application.LedgerHarness.BUN;
import static com.rms.inventory.application.LedgerHarness.BURGER;
import static com.rms.inventory.application.LedgerHarness.CHEESE;
import static com.rms.inventory.application.LedgerHarness.DOUBLE_BEEF;
import static com.rms.inventory.application.LedgerHarness.EXTRA_CHEESE;
import static com.rms.inventory.application.LedgerHarness.MAIN;
import static com.rms.inventory.application.LedgerHarness.SAUCE;
import static com.rms.inventory.application.LedgerHarness.SECOND;
import static com.rms.inventory.application.LedgerHarness.STEAK;
import static com.rms.inventory.application.LedgerHarness.STEAK_PLATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.inventory.application.StockAvailability.OrderLine;
import com.rms.inventory.application.StockAvailability.Shortage;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.events.RmsEvent;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The real stock port on the real migrations keeps the ledger and the levels in step: deduct, restore, strictness, check, stock.low. */
class StockLedgerTest {

    private LedgerHarness h;

    @BeforeEach
    void kitchen() {
        h = new LedgerHarness(ALPHA);
        h.seedKitchen(ALPHA);
        h.delivered.clear();
    }

    @AfterEach
    void close() {
        h.close();
    }

    private boolean deduct(long outlet, String reference, OrderLine... lines) {
        return h.call(ALPHA, b -> b.port().deduct(outlet, reference, List.of(lines)));
    }

    private boolean restore(long outlet, String reference) {
        return h.call(ALPHA, b -> b.port().restore(outlet, reference));
    }

    private List<List<Object>> movementsOf(String reference) {
        return h.rows(ALPHA, "select outlet_id, stock_item_id, reason, quantity from stock_movement where reference = '"
                + reference + "' order by reason, stock_item_id");
    }

    @Test
    void deductPostsTheRecipeExpansionAsSalesAndTheLevelsAreTheLedgerSums() {
        // per burger: 150 g beef, 1 bun, 20 ml sauce; extra cheese 30 g cheese; double beef 150 g beef
        assertTrue(deduct(MAIN, "order-1", new OrderLine(BURGER, List.of(EXTRA_CHEESE, DOUBLE_BEEF), 3),
                new OrderLine(BURGER, List.of(), 1)));

        assertEquals(List.of(
                List.of(1L, 10L, "SALE", "-1.05"),   // (150 + 150) g x 3 + 150 g, in kg
                List.of(1L, 11L, "SALE", "-4"),
                List.of(1L, 12L, "SALE", "-0.09"),   // 30 g x 3, in kg
                List.of(1L, 13L, "SALE", "-0.08")),  // 20 ml x 4, in l
                movementsOf("order-1"));
        assertEquals("3.95", h.onHand(ALPHA, MAIN, BEEF));
        assertEquals("16", h.onHand(ALPHA, MAIN, BUN));
        assertEquals("0.91", h.onHand(ALPHA, MAIN, CHEESE));
        assertEquals("-0.08", h.onHand(ALPHA, MAIN, SAUCE), "sauce may go negative");
        assertEquals("none", h.onHand(ALPHA, SECOND, BEEF), "the other outlet is untouched");
        assertEquals(1, h.count(ALPHA, "stock_order_posting", "reference = 'order-1' and kind = 'SALE'"));
        h.assertLedgerBalances(ALPHA);
    }

    @Test
    void deductAndRestoreAreIdempotentPerReferenceAndRestoreNeedsADeduction() {
        OrderLine line = new OrderLine(BURGER, List.of(EXTRA_CHEESE), 2);
        String levelsBefore = levels();

        assertTrue(deduct(MAIN, "order-2", line));
        String deducted = h.snapshot(ALPHA);
        long movements = h.count(ALPHA, "stock_movement", null);
        assertFalse(deduct(MAIN, "order-2", line), "a second deduct of the same reference");
        assertFalse(deduct(MAIN, "order-2", new OrderLine(BURGER, List.of(), 5)), "even with other lines");
        assertEquals(deducted, h.snapshot(ALPHA));
        assertEquals(movements, h.count(ALPHA, "stock_movement", null));

        assertTrue(restore(MAIN, "order-2"));
        assertEquals(List.of(
                List.of(1L, 10L, "REFUND", "0.3"), List.of(1L, 11L, "REFUND", "2"),
                List.of(1L, 12L, "REFUND", "0.06"), List.of(1L, 13L, "REFUND", "0.04"),
                List.of(1L, 10L, "SALE", "-0.3"), List.of(1L, 11L, "SALE", "-2"),
                List.of(1L, 12L, "SALE", "-0.06"), List.of(1L, 13L, "SALE", "-0.04")),
                movementsOf("order-2"));
        assertEquals(levelsBefore, levels(), "restore puts every level back");
        String restored = h.snapshot(ALPHA);
        assertFalse(restore(MAIN, "order-2"), "a second restore of the same reference");
        assertEquals(restored, h.snapshot(ALPHA));

        BusinessRuleException never = assertThrows(BusinessRuleException.class,
                () -> restore(MAIN, "never-deducted"));
        assertTrue(never.getMessage().contains("never-deducted"), never.getMessage());
        assertTrue(deduct(MAIN, "order-3", line));
        String afterThird = h.snapshot(ALPHA);
        assertThrows(BusinessRuleException.class, () -> restore(SECOND, "order-3"),
                "a reference deducted at another outlet");
        assertThrows(BusinessRuleException.class, () -> deduct(SECOND, "order-3", line),
                "a reference already deducted at another outlet is not silently skipped");
        assertEquals(afterThird, h.snapshot(ALPHA));
        h.assertLedgerBalances(ALPHA);
    }

    /** The non-zero levels (an item that never moved counts as zero). */
    private String levels() {
        return h.rows(ALPHA, "select outlet_id, stock_item_id, on_hand from stock_level where on_hand <> 0 order by 1, 2")
                .toString();
    }

    @Test
    void aStrictItemNeverGoesBelowZeroAndAFailedDeductChangesNothing() {
        String before = h.snapshot(ALPHA);
        BusinessRuleException short21 = assertThrows(BusinessRuleException.class,
                () -> deduct(MAIN, "order-4", new OrderLine(BURGER, List.of(), 21)));
        assertEquals(1, short21.errors().size(), short21.errors().toString());
        assertTrue(short21.errors().get(0).message().startsWith("BUN:"), short21.errors().toString());
        assertEquals(before, h.snapshot(ALPHA), "no movements, no levels, no order posting");
        assertEquals(0, h.count(ALPHA, "stock_order_posting", "reference = 'order-4'"));

        // the failed reference is not burnt: the same order, smaller, goes through
        assertTrue(deduct(MAIN, "order-4", new OrderLine(BURGER, List.of(), 20)));
        assertEquals("0", h.onHand(ALPHA, MAIN, BUN), "down to exactly zero");
        assertEquals("-0.4", h.onHand(ALPHA, MAIN, SAUCE), "an allowNegative item goes below zero");
        assertThrows(BusinessRuleException.class, () -> deduct(MAIN, "order-5", new OrderLine(BURGER, List.of(), 1)));
        assertEquals("0", h.onHand(ALPHA, MAIN, BUN));
        h.assertLedgerBalances(ALPHA);
    }

    @Test
    void checkReportsTheShortLineAndChangesNothing() {
        String before = h.snapshot(ALPHA);
        List<Shortage> shortages = h.call(ALPHA, b -> b.port().check(MAIN, List.of(
                new OrderLine(BURGER, List.of(), 15), new OrderLine(BURGER, List.of(DOUBLE_BEEF), 10))));
        // line 1 needs, with line 0: beef 15 x 0.15 + 10 x 0.30 = 5.25 kg of 5; buns 25 of 20; sauce may go negative
        assertEquals(List.of("1 100 10 BEEF 5.25 5", "1 100 11 BUN 25 20"),
                shortages.stream().map(StockLedgerTest::text).toList());
        assertEquals(List.of(), h.call(ALPHA, b -> b.port().check(MAIN, List.of(new OrderLine(BURGER, List.of(), 20)))));
        assertEquals(before, h.snapshot(ALPHA));
    }

    private static String text(Shortage s) {
        return s.line() + " " + s.menuItemId() + " " + s.stockItemId() + " " + s.sku() + " "
                + plain(s.required()) + " " + plain(s.available());
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    @Test
    void crossingTheReorderLevelAnnouncesStockLowOnce() {
        // 2 kg steak, reorder level 1 kg, 250 g a plate
        OrderLine plate = new OrderLine(STEAK_PLATE, List.of(), 1);
        deduct(MAIN, "steak-1", new OrderLine(STEAK_PLATE, List.of(), 3));
        assertEquals(List.of(), lowEvents(), "1.25 kg is above the reorder level");
        deduct(MAIN, "steak-2", plate);
        assertEquals("1", h.onHand(ALPHA, MAIN, STEAK));
        deduct(MAIN, "steak-3", plate);
        deduct(MAIN, "steak-4", plate);
        assertEquals("0.5", h.onHand(ALPHA, MAIN, STEAK));

        List<RmsEvent> low = lowEvents();
        assertEquals(1, low.size(), low.toString());
        RmsEvent event = low.get(0);
        assertEquals("alpha", event.tenant());
        assertEquals(MAIN, event.outletId());
        assertEquals("STEAK", event.data().getString("sku"));
        assertEquals(0, BigDecimal.ONE.compareTo(event.data().getJsonNumber("onHand").bigDecimalValue()),
                "announced at the crossing (at or below 1 kg): " + event.data());
        h.assertLedgerBalances(ALPHA);
    }

    private boolean deductSold(long outlet, String reference, OrderLine... lines) {
        return h.call(ALPHA, b -> b.port().deductSold(outlet, reference, List.of(lines)));
    }

    @Test
    void aSoldOrderIsRecordedBelowZeroOnStrictItemsOnceAndAnnouncesStockLow() {
        // 20 buns: 21 burgers were sold anyway (the count was wrong); deduct would refuse
        assertThrows(BusinessRuleException.class, () -> deduct(MAIN, "order-6", new OrderLine(BURGER, List.of(), 21)));
        assertTrue(deductSold(MAIN, "order-6", new OrderLine(BURGER, List.of(), 21)));
        assertEquals("-1", h.onHand(ALPHA, MAIN, BUN), "a strict item goes below zero for a sale that happened");
        assertEquals("1.85", h.onHand(ALPHA, MAIN, BEEF));
        String after = h.snapshot(ALPHA);
        assertFalse(deductSold(MAIN, "order-6", new OrderLine(BURGER, List.of(), 21)), "the same reference again");
        assertFalse(deduct(MAIN, "order-6", new OrderLine(BURGER, List.of(), 1)), "one reference, whichever way");
        assertEquals(after, h.snapshot(ALPHA));
        assertThrows(BusinessRuleException.class, () -> deductSold(SECOND, "order-6", new OrderLine(BURGER, List.of(), 1)),
                "a reference deducted at another outlet is not silently skipped");

        // stock.low at the crossing, as deduct announces it (steak: 2 kg, reorder level 1 kg)
        assertTrue(deductSold(MAIN, "steak-9", new OrderLine(STEAK_PLATE, List.of(), 9)));
        assertEquals("-0.25", h.onHand(ALPHA, MAIN, STEAK));
        assertEquals(1, lowEvents().stream().filter(e -> e.data().getString("sku").equals("STEAK")).count());

        assertTrue(restore(MAIN, "order-6"));
        assertEquals("20", h.onHand(ALPHA, MAIN, BUN), "restore puts back what the sale took, below zero or not");
        h.assertLedgerBalances(ALPHA);
    }

    @Test
    void aBatchOfSalesIsRecordedOncePerReferenceWithTheirHoldsReleasedAndTheLedgerBalanced() {
        // order-20 held its stock while it was paid (as a quick sale does); order-21 did not
        assertTrue((boolean) h.call(ALPHA, b -> b.port().hold(MAIN, "order-20", List.of(new OrderLine(BURGER, List.of(), 2)))));
        assertTrue(deductSold(MAIN, "order-19", new OrderLine(BURGER, List.of(), 1)));
        List<StockAvailability.Sale> batch = List.of(
                new StockAvailability.Sale(MAIN, "order-19", List.of(new OrderLine(BURGER, List.of(), 1))),
                new StockAvailability.Sale(MAIN, "order-20", List.of(new OrderLine(BURGER, List.of(), 2))),
                new StockAvailability.Sale(MAIN, "order-21", List.of(new OrderLine(STEAK_PLATE, List.of(), 1),
                        new OrderLine(BURGER, List.of(EXTRA_CHEESE), 1))),
                new StockAvailability.Sale(MAIN, "order-20", List.of(new OrderLine(BURGER, List.of(), 2))));
        assertEquals(2, (int) h.call(ALPHA, b -> b.port().deductSold(batch)),
                "order-19 was deducted before, order-20 comes twice: two new sales");
        assertEquals("16", h.onHand(ALPHA, MAIN, BUN), "20 buns less 1 + 2 + 1");
        assertEquals(0, h.count(ALPHA, "stock_hold", null), "order-20's hold became its sale");
        assertEquals(List.of(List.of("order-19", 3L), List.of("order-20", 3L), List.of("order-21", 5L)), h.rows(ALPHA,
                "select reference, count(*) from stock_movement where reason = 'SALE' group by reference order by 1"));
        String after = h.snapshot(ALPHA);
        assertEquals(0, (int) h.call(ALPHA, b -> b.port().deductSold(batch)), "the batch again changes nothing");
        assertEquals(after, h.snapshot(ALPHA));
        assertThrows(BusinessRuleException.class, () -> h.call(ALPHA, b -> b.port().deductSold(List.of(
                new StockAvailability.Sale(MAIN, "order-22", List.of(new OrderLine(BURGER, List.of(), 1))),
                new StockAvailability.Sale(SECOND, "order-21", List.of(new OrderLine(BURGER, List.of(), 1)))))),
                "a reference deducted at another outlet refuses the batch");
        assertEquals(after, h.snapshot(ALPHA), "and nothing of it stays");
        h.assertLedgerBalances(ALPHA);
    }

    @Test
    void theLedgerCheckItselfSeesALevelTheMovementsDoNotExplain() {
        h.assertLedgerBalances(ALPHA);
        h.sql(ALPHA, "update stock_level set on_hand = on_hand + 1 where outlet_id = 1 and stock_item_id = 11");
        assertThrows(AssertionFailedError.class, () -> h.assertLedgerBalances(ALPHA));
        h.sql(ALPHA, "update stock_level set on_hand = on_hand - 1 where outlet_id = 1 and stock_item_id = 11",
                "insert into stock_movement (id, outlet_id, stock_item_id, reason, quantity, unit_cost, username, at) "
                        + "values (1, 2, 11, 'CORRECTION', 1, 0, 'x', current_timestamp)");
        assertThrows(AssertionFailedError.class, () -> h.assertLedgerBalances(ALPHA), "a movement without a level");
    }

    private List<RmsEvent> lowEvents() {
        return h.delivered.stream().filter(e -> e.type().equals("stock.low")).toList();
    }
}
