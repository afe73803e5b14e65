package com.rms.web.health;

import com.rms.platform.logging.LogWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Not live while a log write has been stuck for more than {@code rms.health.log-stall-seconds}
 * (RMS_HEALTH_LOG_STALL_SECONDS, default 5). When the console is not drained (a full stdout
 * pipe), every request that logs blocks, yet every dependency still answers: only the writes
 * themselves tell. A restart is the remedy, which is what liveness asks the orchestrator for.
 * It reads the writes in progress and writes nothing itself, so it adds no lines to the log.
 */
@ApplicationScoped
public class LoggingLiveness {

    @Inject
    @ConfigProperty(name = "rms.health.log-stall-seconds", defaultValue = "5")
    long stallSeconds;

    @Produces
    @Liveness
    HealthCheck logging() {
        return () -> check(LogWrites.oldestRunningNanos(System.nanoTime()), LogWrites.inProgress(), stallSeconds);
    }

    /** UP unless the oldest write in progress has run longer than {@code stallSeconds}. */
    static HealthCheckResponse check(long oldestRunningNanos, int inProgress, long stallSeconds) {
        return HealthCheckResponse.named("logging")
                .status(!stalled(oldestRunningNanos, stallSeconds))
                .withData("writesInProgress", inProgress)
                .withData("oldestWriteMillis", oldestRunningNanos / 1_000_000)
                .build();
    }

    static boolean stalled(long oldestRunningNanos, long stallSeconds) {
        return oldestRunningNanos > stallSeconds * 1_000_000_000L;
    }
}
