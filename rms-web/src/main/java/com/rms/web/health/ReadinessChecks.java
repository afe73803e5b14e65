package com.rms.web.health;

import com.rms.payment.provider.CardGateway;
import com.rms.payment.provider.ProviderStatus;
import com.rms.platform.bootstrap.Bootstrap;
import com.rms.platform.health.Dependencies;
import com.rms.platform.health.Dependencies.Probe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * MicroProfile Health: started once the start-up migrations ran; ready while the database, the
 * messaging engine and the batch repository all answer (the card circuits are shown, never
 * deciding); live while the heap has room.
 */
@ApplicationScoped
public class ReadinessChecks {

    @Inject
    Dependencies dependencies;

    @Inject
    Bootstrap bootstrap;

    @Inject
    CardGateway cards;

    @Produces
    @Startup
    HealthCheck started() {
        return () -> HealthCheckResponse.named("startup").status(bootstrap.isReady()).build();
    }

    /**
     * Each dependency is really probed, but at most once a second: an orchestrator or load balancer
     * polling readiness many times a second must not turn every poll into three round trips. What a
     * poll in between gets is the answer already built (the checks below are built once, too); a poll
     * that arrives while a probe runs gets the previous answer, unless the probe has not answered for
     * two seconds (then the dependency is DOWN).
     */
    private final ProbeMemo<HealthCheckResponse> database = memo("database", () -> dependencies.database());
    private final ProbeMemo<HealthCheckResponse> messaging = memo("messaging", () -> dependencies.messaging());
    /**
     * The batch repository lives in the same database, and Liberty's batch persistence retries a
     * failed read three times five seconds apart: probed while the database is away, it held
     * readiness for 10-15 s. So it is probed only while the database answers.
     */
    private final ProbeMemo<HealthCheckResponse> batch = memo("batch-repository",
            () -> database.get().getStatus() == HealthCheckResponse.Status.UP ? dependencies.batch()
                    : new Probe(false, "the database is unreachable"));
    private final ProbeMemo<HealthCheckResponse> payment = new ProbeMemo<>(this::paymentCircuitNow,
            ms -> HealthCheckResponse.named("payment-circuit").up().withData("detail", "reading the circuits").build(),
            SECOND, 2 * SECOND);
    private final HealthCheck databaseCheck = database::get;
    private final HealthCheck messagingCheck = messaging::get;
    private final HealthCheck batchCheck = batch::get;
    private final HealthCheck paymentCheck = payment::get;

    @Produces
    @Readiness
    HealthCheck database() {
        return databaseCheck;
    }

    @Produces
    @Readiness
    HealthCheck messaging() {
        return messagingCheck;
    }

    @Produces
    @Readiness
    HealthCheck batch() {
        return batchCheck;
    }

    /**
     * Always UP: an open card circuit refuses only that tenant's card payments (503 with Retry-After)
     * while cash sales and everything else still work, so it must never take the server out of the
     * load balancer (API.md, System). Its state is data: the worst circuit, how many are open, the
     * seconds until the first trial call. No tenant names: readiness is public. It reads the circuits
     * in memory and calls no one; the answer is reused for up to a second like the others.
     */
    @Produces
    @Readiness
    HealthCheck paymentCircuit() {
        return paymentCheck;
    }

    private HealthCheckResponse paymentCircuitNow() {
        ProviderStatus card = cards.status();
        long open = card.circuits().stream().filter(c -> "OPEN".equals(c.state())).count();
        long retryAfter = card.circuits().stream().filter(c -> "OPEN".equals(c.state()))
                .mapToLong(ProviderStatus.Circuit::retryAfterSeconds).min().orElse(0);
        return HealthCheckResponse.named("payment-circuit").up()
                .withData("provider", card.provider()).withData("circuit", card.circuit())
                .withData("openCircuits", open).withData("retryAfterSeconds", retryAfter).build();
    }

    @Produces
    @Liveness
    HealthCheck heap() {
        return () -> {
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            long max = heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
            double used = (double) heap.getUsed() / max;
            return HealthCheckResponse.named("heap").status(used < 0.95)
                    .withData("usedMiB", heap.getUsed() >> 20).withData("maxMiB", max >> 20).build();
        };
    }

    private static final long SECOND = 1_000_000_000L;

    private static ProbeMemo<HealthCheckResponse> memo(String name, Supplier<Probe> probe) {
        return new ProbeMemo<>(() -> respond(name, probe.get()),
                ms -> respond(name, new Probe(false, "no answer for " + ms + " ms")), SECOND, 2 * SECOND);
    }

    private static HealthCheckResponse respond(String name, Probe probe) {
        return HealthCheckResponse.named(name).status(probe.up()).withData("detail", probe.detail()).build();
    }
}
