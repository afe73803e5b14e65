package com.rms.inventory.application;

import static com.rms.inventory.application.LedgerHarness.ALPHA;
import static com.rms.inventory.application.LedgerHarness.MAIN;
import static com.rms.inventory.application.LedgerHarness.PATTY;
import static com.rms.inventory.application.LedgerHarness.SAUCE;
import static com.rms.inventory.application.LedgerHarness.SECOND;
import static com.rms.inventory.application.LedgerHarness.SLIDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.inventory.application.StockAvailability.OrderLine;
import com.rms.platform.error.BusinessRuleException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Concurrent deductions, each in its own thread, EntityManager and transaction, never oversell a strict item and keep the ledger summing to the level. */
class StockConcurrencyTest {

    private static final int THREADS = 12;

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

    /** Runs {@code THREADS} deductions released at the same moment; tallies how they ended ("true", "false" or an exception class). */
    private Map<String, Integer> race(long outlet, IntFunction<String> reference, OrderLine line) throws Exception {
        return LedgerHarness.race(THREADS, i -> {
            String ref = reference.apply(i);
            return () -> h.call(ALPHA, b -> b.port().deduct(outlet, ref, List.of(line)));
        });
    }

    @Test
    void withStockForKPortionsExactlyKOfNConcurrentOrdersSucceed() throws Exception {
        // 5 patties at MAIN, a slider takes one, 12 different orders at once
        Map<String, Integer> outcomes = race(MAIN, i -> "slider-" + i, new OrderLine(SLIDER, List.of(), 1));

        assertEquals(Map.of("true", 5, BusinessRuleException.class.getSimpleName(), THREADS - 5), outcomes);
        assertEquals("0", h.onHand(ALPHA, MAIN, PATTY));
        assertEquals(5, h.count(ALPHA, "stock_movement", "reason = 'SALE' and stock_item_id = " + PATTY));
        assertEquals(5, h.count(ALPHA, "stock_order_posting", "kind = 'SALE'"));
        h.assertLedgerBalances(ALPHA);
    }

    @Test
    void concurrentFirstMovementsOfAnItemCreateOneLevelRow() throws Exception {
        // a dip that only takes sauce (may go negative), sold at an outlet where sauce never moved
        h.sql(ALPHA, "insert into menu_item (id, sku, name, category_id, price, tax_rate_id, station, created_at, updated_at) "
                        + "values (130, 'DIP', 'Dip', 1, 1, 1, 'cold', current_timestamp, current_timestamp)",
                "insert into recipe_line (id, target_kind, target_id, stock_item_id, quantity, unit, line_no, created_at, "
                        + "updated_at) values (307, 'ITEM', 130, 13, 50, 'ML', 0, current_timestamp, current_timestamp)");

        Map<String, Integer> outcomes = race(SECOND, i -> "dip-" + i, new OrderLine(130, List.of(), 1));

        assertEquals(Map.of("true", THREADS), outcomes);
        assertEquals(1, h.count(ALPHA, "stock_level", "outlet_id = 2 and stock_item_id = " + SAUCE));
        assertEquals("-0.6", h.onHand(ALPHA, SECOND, SAUCE));
        h.assertLedgerBalances(ALPHA);
    }

    @Test
    void concurrentDuplicatesOfOneReferenceDeductOnce() throws Exception {
        Map<String, Integer> tally = race(MAIN, i -> "same-order", new OrderLine(SLIDER, List.of(), 1));

        assertEquals(1, tally.get("true"), "exactly one deduction: " + tally);
        // a duplicate that sees the first one committed answers false; one that races it into the
        // primary key of stock_order_posting fails on the key (and rolls back) instead
        assertTrue(Set.of("true", "false", "PersistenceException").containsAll(tally.keySet()), tally.toString());
        assertEquals("4", h.onHand(ALPHA, MAIN, PATTY), tally.toString());
        assertEquals(1, h.count(ALPHA, "stock_movement", "reference = 'same-order'"));
        h.assertLedgerBalances(ALPHA);
    }
}
