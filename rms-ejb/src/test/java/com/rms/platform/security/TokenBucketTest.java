package com.rms.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketGrantsItsCapacityThenTellsHowLongToWait() {
        TokenBucket bucket = new TokenBucket(10, 10, 0);
        for (int i = 0; i < 10; i++) {
            assertEquals(0, bucket.tryTake(0), "token " + i);
        }
        long wait = bucket.tryTake(0);
        assertTrue(wait > 0 && wait <= SECOND / 10, "one token refills in a tenth of a second: " + wait);
    }

    @Test
    void tokensRefillWithTimeButNeverBeyondCapacity() {
        TokenBucket bucket = new TokenBucket(2, 2, 0);
        bucket.tryTake(0);
        bucket.tryTake(0);
        assertTrue(bucket.tryTake(0) > 0);
        assertEquals(0, bucket.tryTake(SECOND / 2), "half a second refills one token at 2/s");
        long later = 100 * SECOND;
        assertEquals(0, bucket.tryTake(later));
        assertEquals(0, bucket.tryTake(later));
        assertTrue(bucket.tryTake(later) > 0, "a long idle time refills only up to the capacity");
    }
}
