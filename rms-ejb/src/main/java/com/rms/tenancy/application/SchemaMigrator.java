package com.rms.tenancy.application;

import com.rms.platform.tenant.TenantContext;
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

    private final DataSource dataSource;

    public SchemaMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void migrateControl() {
        flyway(TenantContext.CONTROL_SCHEMA, CONTROL_LOCATION).migrate();
    }

    /** Creates the schema if needed and applies what is missing; returns the version now in place. */
    public String migrateTenant(String schema) {
        MigrateResult result = flyway(schema, TENANT_LOCATION).migrate();
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    }

    /** Whether the tenant schema lacks migrations this build carries. */
    public boolean isBehind(String schema) {
        return flyway(schema, TENANT_LOCATION).info().pending().length > 0;
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
