package com.rms.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.platform.error.RateLimitedException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The sign-in budget: per address and per account, failures count, successes give back, and the maps stay bounded. */
class SignInBudgetTest {

    private long nanos = 1_000_000_000L;

    private SignInBudget budget(int perAddress, int perAccount, long maxClients) {
        SignInBudget budget = new SignInBudget();
        budget.perAddress = perAddress;
        budget.perAccount = perAccount;
        budget.maxClients = maxClients;
        budget.ticker = () -> nanos;
        budget.init();
        return budget;
    }

    @Test
    void anAddressGetsItsBudgetOfFailuresPerMinuteThenA429WithRetryAfter() {
        SignInBudget budget = budget(3, 100, 1000);
        for (int i = 0; i < 3; i++) {
            budget.charge("10.0.0.1", "t|user" + i);
        }
        RateLimitedException over = assertThrows(RateLimitedException.class, () -> budget.charge("10.0.0.1", "t|other"));
        assertEquals(20, over.retryAfterSeconds(), "one attempt refills every 60/3 s");
        budget.charge("10.0.0.2", "t|other");
        nanos += TimeUnit.SECONDS.toNanos(20);
        budget.charge("10.0.0.1", "t|other");
    }

    @Test
    void anAccountIsLimitedAcrossAddressesAndARefusalChargesNothing() {
        SignInBudget budget = budget(100, 2, 1000);
        budget.charge("10.0.0.1", "t|boss");
        budget.charge("10.0.0.2", "t|boss");
        assertThrows(RateLimitedException.class, () -> budget.charge("10.0.0.3", "t|boss"));
        // the refused attempt gave the address its token back: 10.0.0.3 still has all 100
        for (int i = 0; i < 100; i++) {
            budget.charge("10.0.0.3", "t|u" + i);
        }
        assertThrows(RateLimitedException.class, () -> budget.charge("10.0.0.3", "t|another"));
    }

    @Test
    void successfulSignInsGiveTheirAttemptBack() {
        SignInBudget budget = budget(2, 2, 1000);
        for (int i = 0; i < 50; i++) {
            budget.charge("10.0.0.1", "t|boss").succeeded();
        }
        budget.charge("10.0.0.1", "t|boss");
        budget.charge("10.0.0.1", "t|boss");
        assertThrows(RateLimitedException.class, () -> budget.charge("10.0.0.1", "t|boss"));
    }

    @Test
    void aFloodOfDistinctClientsStaysWithinTheSizeBound() {
        SignInBudget budget = budget(5, 5, 500);
        for (int i = 0; i < 20_000; i++) {
            budget.charge("10.1." + (i / 250) + "." + (i % 250), "t|user-" + i + "x".repeat(500));
        }
        long held = budget.clients();
        assertTrue(held <= 2 * 500 + 50, "held " + held);
    }
}
