package com.rms.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.platform.error.ServiceUnavailableException;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** At most so many hashes at once; one that cannot start in time is a 503 with Retry-After, not a queue that takes every CPU. */
class PasswordHashingTest {

    /** A hash that takes as long as the test says. */
    static final class HeldHash implements Pbkdf2PasswordHash {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean hold;

        @Override
        public void initialize(Map<String, String> parameters) {
        }

        @Override
        public String generate(char[] password) {
            return "hash:" + new String(password);
        }

        @Override
        public boolean verify(char[] password, String hashedPassword) {
            if (hold) {
                started.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return hashedPassword.equals("hash:" + new String(password));
        }
    }

    @Test
    void aHashThatCannotStartWithinTheWaitIsRefusedWith503() throws Exception {
        HeldHash hash = new HeldHash();
        PasswordHashing hashing = new PasswordHashing();
        hashing.passwords = hash;
        hashing.pins = hash;
        hashing.concurrency = 1;
        hashing.maxWait = Duration.ofMillis(200);
        hashing.init();
        String stored = hashing.hashPassword("secret-password");
        hash.hold = true;
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> hashing.verify("secret-password", stored));
        assertTrue(hash.started.await(5, TimeUnit.SECONDS));
        ServiceUnavailableException busy = assertThrows(ServiceUnavailableException.class,
                () -> hashing.verify("other-password", stored));
        assertEquals(2, busy.retryAfterSeconds());
        hash.release.countDown();
        assertTrue(first.get(5, TimeUnit.SECONDS));
        hash.hold = false;
        assertTrue(hashing.verify("secret-password", stored), "the permit was given back");
    }
}
