package com.rms.platform.bootstrap;

import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.tenancy.application.SchemaMigrator;
import com.rms.tenancy.application.TenantService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Brings the database up to date when the application starts: the control schema, the platform
 * administrator, every tenant schema that is behind, and the demo chain when enabled. The
 * application reports ready only after this has run.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Bootstrap {

    private static final RmsLog LOG = RmsLog.of(Bootstrap.class);

    @Resource(lookup = "jdbc/rms")
    DataSource dataSource;

    @Inject
    TenantService tenants;

    @Inject
    PlatformAdmin platformAdmin;

    @Inject
    DemoChain demo;

    private volatile Instant startedAt;
    private volatile boolean ready;

    @PostConstruct
    void start() {
        Instant begin = Instant.now();
        new SchemaMigrator(dataSource).migrateControl();
        platformAdmin.ensure();
        tenants.migrateAll();
        demo.seedIfEnabled();
        startedAt = Instant.now();
        ready = true;
        LOG.info(LogContext.PERFORMANCE, "RMS started in " + Duration.between(begin, startedAt).toMillis() + " ms");
    }

    public boolean isReady() {
        return ready;
    }

    public Instant startedAt() {
        return startedAt;
    }
}
