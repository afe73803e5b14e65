package com.rms.tenancy.application;

import com.rms.platform.tenant.TenantContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the control schema and the tenant schemas up to date with Flyway. The same SQL serves
 * PostgreSQL and H2. Plain Java over a {@link DataSource} so it runs the same in the server and in
 * unit tests.
 */
public final class SchemaMigrator {

    private static final String CONTROL_LOCATION = "classpath:db/migration/control";
    private static final String TENANT_LOCATION = "classpath:db/migration/tenant";

    /**
     * On H2 one tenant schema migrates at a time (per JVM): H2's DDL takes a database-wide lock, so
     * parallel migrations only wait on each other, and an ALTER TABLE waiting on another schema's
     * migration can time out (V9 widening sales_fact did, with two schemas migrating at once).
     */
    private static final Object H2_DDL = new Object();

    private final DataSource dataSource;
    private volatile Boolean h2;

    public SchemaMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void migrateControl() {
        flyway(TenantContext.CONTROL_SCHEMA, CONTROL_LOCATION).migrate();
    }

    /** Creates the schema if needed and applies what is missing; returns the version now in place. */
    public String migrateTenant(String schema) {
        if (isH2()) {
            synchronized (H2_DDL) {
                return migrate(schema);
            }
        }
        return migrate(schema);
    }

    private String migrate(String schema) {
        MigrateResult result = flyway(schema, TENANT_LOCATION).migrate();
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    }

    /** How migrating one tenant schema ended: the version now in place, or why it failed. */
    public record Outcome(String schema, String version, RuntimeException failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    /**
     * Migrates many tenant schemas, at most {@code parallelism} at once on {@code executor}. A schema
     * that fails is reported in its outcome and does not stop the others.
     */
    public List<Outcome> migrateTenants(List<String> schemas, Executor executor, int parallelism) {
        Semaphore slots = new Semaphore(parallelism);
        List<CompletableFuture<Outcome>> runs = new ArrayList<>();
        for (String schema : schemas) {
            slots.acquireUninterruptibly();
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return new Outcome(schema, migrateTenant(schema), null);
                } catch (RuntimeException e) {
                    return new Outcome(schema, null, e);
                } finally {
                    slots.release();
                }
            }, executor));
        }
        return runs.stream().map(CompletableFuture::join).toList();
    }

    /** Whether the tenant schema lacks migrations this build carries. */
    public boolean isBehind(String schema) {
        return flyway(schema, TENANT_LOCATION).info().pending().length > 0;
    }

    private boolean isH2() {
        if (h2 == null) {
            try (Connection c = dataSource.getConnection()) {
                h2 = "H2".equals(c.getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot reach the database to migrate it", e);
            }
        }
        return h2;
    }

    private Flyway flyway(String schema, String location) {
        return Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .locations(location)
                .createSchemas(true)
                .callbackLocations("classpath:db/callback")
                .load();
    }
}
