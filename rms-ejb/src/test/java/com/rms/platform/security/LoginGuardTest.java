package com.rms.platform.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoginGuardTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 25, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void theFifthFailureInARowLocksForTheLockoutPeriod() {
        LoginGuard guard = new LoginGuard();
        for (int i = 0; i < 4; i++) {
            assertFalse(guard.recordFailure(NOW, 5, Duration.ofMinutes(15)));
        }
        assertTrue(guard.recordFailure(NOW, 5, Duration.ofMinutes(15)));
        assertTrue(guard.isLocked(NOW.plusMinutes(14)));
        assertFalse(guard.isLocked(NOW.plusMinutes(16)));
    }

    @Test
    void aSuccessResetsTheCount() {
        LoginGuard guard = new LoginGuard();
        for (int i = 0; i < 4; i++) {
            guard.recordFailure(NOW, 5, Duration.ofMinutes(15));
        }
        guard.recordSuccess();
        assertFalse(guard.recordFailure(NOW, 5, Duration.ofMinutes(15)));
        assertFalse(guard.isLocked(NOW));
    }

    @Test
    void outletStaffReachOnlyTheirOutletsOwnersReachAllAndNoOutletsMeansNone() {
        Caller cashier = new Caller("c", "demo", Set.of(Role.CASHIER), Set.of(1L));
        Caller owner = new Caller("o", "demo", Set.of(Role.OWNER), Set.of(1L));
        Caller manager = new Caller("m", "demo", Set.of(Role.MANAGER), Set.of());
        assertTrue(cashier.mayAccessOutlet(1));
        assertFalse(cashier.mayAccessOutlet(2));
        assertTrue(owner.mayAccessOutlet(2));
        assertFalse(manager.mayAccessOutlet(2), "no outlets must never mean all outlets");
        assertTrue(manager.limitedToOutlets());
        assertTrue(cashier.limitedToOutlets());
        assertFalse(owner.limitedToOutlets());
        Caller batch = new Caller("b", "demo", Set.of(Role.BATCH_OPERATOR), Set.of());
        assertFalse(batch.mayAccessOutlet(2));
        assertTrue(batch.mayReadReportsOf(2));
        assertFalse(batch.reportsLimitedToOutlets());
        assertTrue(Caller.SYSTEM.mayAccessOutlet(2));
    }
}
