package com.rms.inventory.application;

import static com.rms.inventory.application.LedgerHarness.ALPHA;
import static com.rms.inventory.application.LedgerHarness.MAIN;
import static com.rms.inventory.application.LedgerHarness.PATTY;
import static com.rms.inventory.application.LedgerHarness.SLIDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.inventory.application.StockAvailability.OrderLine;
import com.rms.platform.error.BusinessRuleException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Holds for orders being paid, on the real ledger: never more than is available even when every
 * device pays at once, invisible to checks and to strict deductions, turned into the sale by the
 * inventory consumer's deduction and given back when the payment fails.
 */
class StockHoldTest {

    private static final int THREADS = 12;
    private static final OrderLine ONE_SLIDER = new OrderLine(SLIDER, List.of(), 1);

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

    private boolean yes(java.util.function.Function<LedgerHarness.Beans, Boolean> work) {
        return h.call(ALPHA, work);
    }

    private boolean hold(String reference) {
        return h.call(ALPHA, b -> b.port().hold(MAIN, reference, List.of(ONE_SLIDER)));
    }

    private String held() {
        return h.rows(ALPHA, "select coalesce(sum(quantity), 0) from stock_hold where outlet_id = " + MAIN
                + " and stock_item_id = " + PATTY).get(0).get(0).toString();
    }

    @Test
    void withKPortionsAvailableExactlyKOfNConcurrentHoldsSucceed() throws Exception {
        // 5 patties, 12 devices paying the last tender of a slider at once
        Map<String, Integer> tally = LedgerHarness.race(THREADS, i -> () -> hold("order-" + i));
        assertEquals(Map.of("true", 5, BusinessRuleException.class.getSimpleName(), THREADS - 5), tally);
        assertEquals("5", h.onHand(ALPHA, MAIN, PATTY), "a hold moves nothing");
        assertEquals(5, h.count(ALPHA, "stock_hold", "stock_item_id = " + PATTY));
        assertFalse(h.call(ALPHA, b -> b.port().check(MAIN, List.of(ONE_SLIDER))).isEmpty(), "nothing left to sell");
        h.assertLedgerBalances(ALPHA);
    }

    @Test
    void aHoldBecomesTheSaleOrIsReleasedAndStrictDeductionsCannotTakeHeldStock() {
        assertTrue(hold("order-a"));
        assertFalse(hold("order-a"), "a second hold of the same order changes nothing");
        assertTrue(yes(b -> b.port().hold(MAIN, "order-b", List.of(new OrderLine(SLIDER, List.of(), 3)))));
        assertEquals("4", held().replaceAll("\\.0+$", ""));
        // one patty is free; a strict deduction of two for another order is refused
        assertThrows(BusinessRuleException.class, () -> h.call(ALPHA, b -> b.port().deduct(MAIN, "order-c",
                List.of(new OrderLine(SLIDER, List.of(), 2)))));
        // the consumer deducts order-a: its hold becomes the SALE movement
        assertTrue(yes(b -> b.port().deductSold(MAIN, "order-a", List.of(ONE_SLIDER))));
        assertEquals("4", h.onHand(ALPHA, MAIN, PATTY));
        assertEquals(0, h.count(ALPHA, "stock_hold", "reference = 'order-a'"));
        assertFalse(hold("order-a"), "a deducted order holds nothing again");
        // order-b's payment failed: its three come back
        assertTrue(yes(b -> b.port().release(MAIN, "order-b")));
        assertFalse(yes(b -> b.port().release(MAIN, "order-b")));
        assertEquals("0", held().replaceAll("\\.0+$", ""));
        assertTrue(yes(b -> b.port().check(MAIN, List.of(new OrderLine(SLIDER, List.of(), 4))).isEmpty()));
        h.assertLedgerBalances(ALPHA);
    }
}
