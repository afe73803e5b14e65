package com.rms.web.health;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoggingLivenessTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void liveWhileNoWriteOrOnlyShortWritesAreInProgress() {
        assertFalse(LoggingLiveness.stalled(0, 5), "no write in progress");
        assertFalse(LoggingLiveness.stalled(5 * SECOND, 5), "exactly the threshold is still live");
    }

    @Test
    void notLiveOnceAWriteHasBeenStuckPastTheThreshold() {
        assertTrue(LoggingLiveness.stalled(5 * SECOND + 1, 5));
        assertTrue(LoggingLiveness.stalled(20 * 60 * SECOND, 5), "the 20 minutes of the finding");
    }
}
