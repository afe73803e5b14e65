package com.rms.platform.security;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Failed sign-ins of one account: after {@code maxFailures} in a row the account is locked for a
 * while, which slows a password guesser down to a handful of tries per lockout period.
 */
@Embeddable
public class LoginGuard {

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    public boolean isLocked(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a failure; returns true when this failure locked the account. */
    public boolean recordFailure(OffsetDateTime now, int maxFailures, Duration lockout) {
        failedLogins++;
        if (failedLogins >= maxFailures) {
            failedLogins = 0;
            lockedUntil = now.plus(lockout);
            return true;
        }
        return false;
    }

    public void recordSuccess() {
        failedLogins = 0;
        lockedUntil = null;
    }

    public int getFailedLogins() {
        return failedLogins;
    }

    public OffsetDateTime getLockedUntil() {
        return lockedUntil;
    }
}
