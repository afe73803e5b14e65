package com.rms.pos.terminal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long a terminal may stay signed in without being used ({@code RMS_POS_IDLE_MINUTES}, 30 by
 * default): an unattended till signs itself out, so the next person cannot sell or refund as the
 * last one.
 */
@ApplicationScoped
public class PosIdle {

    @Inject
    @ConfigProperty(name = "rms.pos.idle-minutes", defaultValue = "30")
    int minutes;

    /** The terminal's notion of now (a fixed clock in tests). */
    Clock clock = Clock.systemUTC();

    Instant now() {
        return clock.instant();
    }

    public Duration timeout() {
        if (minutes < 1) {
            throw new IllegalStateException("RMS_POS_IDLE_MINUTES must be at least 1, is " + minutes);
        }
        return Duration.ofMinutes(minutes);
    }
}
