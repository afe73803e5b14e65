package com.rms.inventory.application;

import static com.rms.inventory.application.LedgerHarness.ALPHA;
import static com.rms.inventory.application.LedgerHarness.BETA;
import static com.rms.inventory.application.LedgerHarness.BUN;
import static com.rms.inventory.application.LedgerHarness.BURGER;
import static com.rms.inventory.application.LedgerHarness.MAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.inventory.application.StockAvailability.OrderLine;
import com.rms.inventory.domain.StockLevel;
import com.rms.platform.tenant.TenantContext.Tenant;
import jakarta.persistence.PersistenceException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two tenants with the same ids share nothing through the stock port, and with no tenant nothing runs against any schema. */
class StockTenantIsolationTest {

    private static final List<OrderLine> TWO_BURGERS = List.of(new OrderLine(BURGER, List.of(), 2));

    private LedgerHarness h;

    @BeforeEach
    void twoKitchens() {
        h = new LedgerHarness(ALPHA, BETA);
        h.seedKitchen(ALPHA);
        h.seedKitchen(BETA);
    }

    @AfterEach
    void close() {
        h.close();
    }

    private boolean deduct(Tenant tenant, String reference) {
        return h.call(tenant, b -> b.port().deduct(MAIN, reference, TWO_BURGERS));
    }

    @Test
    void deductingInOneTenantLeavesTheOtherAlone() {
        String beta = h.snapshot(BETA);
        assertTrue(deduct(ALPHA, "order-1"));
        assertEquals("18", h.onHand(ALPHA, MAIN, BUN));
        assertEquals(beta, h.snapshot(BETA), "same ids, other schema");
        assertEquals("20", h.onHand(BETA, MAIN, BUN));

        // the reference is per tenant: beta has not deducted order-1 yet, and restore there is refused
        assertThrows(RuntimeException.class, () -> h.call(BETA, b -> b.port().restore(MAIN, "order-1")));
        assertEquals(beta, h.snapshot(BETA));
        assertTrue(deduct(BETA, "order-1"));
        assertEquals("18", h.onHand(BETA, MAIN, BUN));
        assertEquals("18", h.onHand(ALPHA, MAIN, BUN), "and back: beta's deduction is not alpha's");
        h.assertLedgerBalances(ALPHA);
        h.assertLedgerBalances(BETA);
    }

    @Test
    void withNoTenantEveryCallFailsLoudly() {
        String alpha = h.snapshot(ALPHA);
        String beta = h.snapshot(BETA);

        assertThrows(IllegalStateException.class, () -> h.call(null, b -> b.port().deduct(MAIN, "order-x", TWO_BURGERS)));
        assertThrows(IllegalStateException.class, () -> h.call(null, b -> b.port().restore(MAIN, "order-x")));
        assertThrows(IllegalStateException.class, () -> h.call(null, b -> b.port().check(MAIN, TWO_BURGERS)));
        // below the explicit check: a connection acquired with no tenant sits on the empty sentinel schema
        assertThrows(PersistenceException.class, () -> h.call(null,
                b -> b.em().createQuery("select l from StockLevel l", StockLevel.class).getResultList()));

        assertEquals(alpha, h.snapshot(ALPHA));
        assertEquals(beta, h.snapshot(BETA));
    }
}
