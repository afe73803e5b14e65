package com.rms.tenancy.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real migrations on a real (in-memory) H2 database configured as the server configures it. */
class SchemaMigratorTest {

    private JdbcDataSource dataSource;
    private ExecutorService executor;

    @BeforeEach
    void database() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=LEGACY;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;"
                + "DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;INIT=CREATE SCHEMA IF NOT EXISTS rms_none\\;SET SCHEMA rms_none");
        executor = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void controlAndTenantSchemasAreCreatedWithTheirTables() throws SQLException {
        SchemaMigrator migrator = new SchemaMigrator(dataSource);
        migrator.migrateControl();
        String version = migrator.migrateTenant("t_alpha");
        assertTrue(version != null && !version.isBlank());
        assertFalse(migrator.isBehind("t_alpha"));
        assertTrue(migrator.isBehind("t_never_migrated"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into t_alpha.outlet (id, name, timezone, currency, created_at, updated_at) "
                    + "values (1, 'A', 'UTC', 'EUR', current_timestamp, current_timestamp)");
            try (ResultSet rs = s.executeQuery("select count(*) from t_alpha.audit_head")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "the audit chain starts with its genesis tip");
            }
            try (ResultSet rs = s.executeQuery("select revision from t_alpha.menu_revision")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "later migrations ran too");
            }
            // without a tenant the connection sits on the empty sentinel schema: unqualified SQL fails loudly
            assertThrows(SQLException.class, () -> s.executeQuery("select * from outlet"));
        }
        assertEquals(version, migrator.migrateTenant("t_alpha"), "running again changes nothing");
    }

    @Test
    void aTenantWhoseMigrationFailsDoesNotStopTheOthers() throws SQLException {
        SchemaMigrator migrator = new SchemaMigrator(dataSource);
        migrator.migrateControl();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // a schema someone tampered with: a conflicting table where the migration creates one
            s.execute("create schema t_broken");
            s.execute("create table t_broken.outlet (oops int)");
        }
        List<SchemaMigrator.Outcome> outcomes = migrator.migrateTenants(
                List.of("t_one", "t_broken", "t_two"), executor, 2);
        assertTrue(outcomes.get(0).succeeded());
        assertFalse(outcomes.get(1).succeeded());
        assertNull(outcomes.get(1).version());
        assertTrue(outcomes.get(2).succeeded());
        assertFalse(migrator.isBehind("t_two"));
    }
}
