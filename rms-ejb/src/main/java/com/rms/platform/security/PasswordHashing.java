package com.rms.platform.security;

import com.rms.platform.error.ServiceUnavailableException;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hashes and checks passwords and PINs with Jakarta Security's PBKDF2. PINs use fewer iterations:
 * a PIN pad checks the PINs of several people at once, and a 4-6 digit secret gains little from
 * more rounds; the lockout, not the hash, is what stops guessing there.
 *
 * <p>At most {@code rms.auth.hash-concurrency} hashes run at once (default: the number of
 * processors), taken in arrival order; a hash that cannot start within {@code rms.auth.hash-wait}
 * answers 503, so a flood of sign-ins queues here instead of taking every CPU from the orders.
 */
@ApplicationScoped
public class PasswordHashing {

    private static final RmsLog LOG = RmsLog.of(PasswordHashing.class);

    @Inject
    @ConfigProperty(name = "rms.auth.hash-concurrency", defaultValue = "0")
    int concurrency;

    @Inject
    @ConfigProperty(name = "rms.auth.hash-wait", defaultValue = "PT2S")
    Duration maxWait;

    private Semaphore permits;

    @Inject
    Pbkdf2PasswordHash passwords;

    @Inject
    Pbkdf2PasswordHash pins;

    /** Verified against when an account does not exist, so that an unknown user costs the same time. */
    private String decoy;

    @PostConstruct
    void init() {
        permits = new Semaphore(concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors(), true);
        passwords.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "120000"));
        pins.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "10000"));
        decoy = limited(() -> passwords.generate("decoy-password".toCharArray()));
    }

    public String hashPassword(String password) {
        return limited(() -> passwords.generate(password.toCharArray()));
    }

    public String hashPin(String pin) {
        return limited(() -> pins.generate(pin.toCharArray()));
    }

    /** Checks a password or PIN against a stored hash; a null hash burns the same time and fails. */
    public boolean verify(String secret, String storedHash) {
        if (secret == null) {
            return false;
        }
        if (storedHash == null) {
            limited(() -> passwords.verify(secret.toCharArray(), decoy));
            return false;
        }
        return limited(() -> passwords.verify(secret.toCharArray(), storedHash));
    }

    /** Runs one hash under a permit. */
    private <T> T limited(Supplier<T> hash) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("interrupted while waiting to check a password", 2);
        }
        if (!acquired) {
            LOG.warn(LogContext.SECURITY, "password check refused: every hashing permit"
                    + " busy for " + maxWait);
            throw new ServiceUnavailableException("too many sign-ins are being checked; try again shortly", 2);
        }
        try {
            return hash.get();
        } finally {
            permits.release();
        }
    }
}
