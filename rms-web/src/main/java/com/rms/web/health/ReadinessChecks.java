package com.rms.web.health;

import com.rms.platform.bootstrap.Bootstrap;
import com.rms.platform.health.Dependencies;
import com.rms.platform.health.Dependencies.Probe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * MicroProfile Health: started once the start-up migrations ran; ready while the database, the
 * messaging engine and the batch repository all answer; live while the heap has room.
 */
@ApplicationScoped
public class ReadinessChecks {

    @Inject
    Dependencies dependencies;

    @Inject
    Bootstrap bootstrap;

    @Produces
    @Startup
    HealthCheck started() {
        return () -> HealthCheckResponse.named("startup").status(bootstrap.isReady()).build();
    }

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> respond("database", dependencies.database());
    }

    @Produces
    @Readiness
    HealthCheck messaging() {
        return () -> respond("messaging", dependencies.messaging());
    }

    @Produces
    @Readiness
    HealthCheck batch() {
        return () -> respond("batch-repository", dependencies.batch());
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

    private static HealthCheckResponse respond(String name, Probe probe) {
        return HealthCheckResponse.named(name).status(probe.up()).withData("detail", probe.detail()).build();
    }
}
