package com.rms.platform.messaging;

import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.tenant.TenantContext;
import com.rms.platform.tenant.TenantContext.Tenant;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.SchemaMigrator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The side-effect consumers in process: an in-memory H2 set up as the server's, the real Flyway
 * migrations, EclipseLink with the tenant schema listener, beans wired by hand. {@link #call} plays
 * the message-driven bean's container transaction: one EntityManager and transaction, the tenant
 * and a system caller on the thread, rollback on any exception.
 */
public final class ConsumerHarness implements AutoCloseable {

    public static final Tenant ALPHA = Tenant.of("alpha");
    public static final Tenant BETA = Tenant.of("beta");

    public final JdbcDataSource dataSource;
    public final EntityManagerFactory emf;

    public ConsumerHarness(Tenant... tenants) {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:consumers-" + UUID.randomUUID()
                + ";MODE=LEGACY;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;"
                + "INIT=CREATE SCHEMA IF NOT EXISTS rms_none\\;SET SCHEMA rms_none");
        SchemaMigrator migrator = new SchemaMigrator(dataSource);
        migrator.migrateControl();
        for (Tenant tenant : tenants) {
            migrator.migrateTenant(tenant.schema());
        }
        emf = new PersistenceProvider().createEntityManagerFactory("rms-ledger-test", Map.of(
                PersistenceUnitProperties.ECLIPSELINK_PERSISTENCE_XML, "META-INF/persistence-test.xml",
                PersistenceUnitProperties.NON_JTA_DATASOURCE, dataSource));
    }

    /** Runs {@code work} in one transaction as {@code tenant}'s consumer would. */
    public <T> T call(Tenant tenant, Function<EntityManager, T> work) {
        TenantContext.set(tenant);
        CallerContext.set(new Caller("system:test", tenant.slug(), Set.of(), Set.of()));
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
            TenantContext.clear();
            CallerContext.clear();
        }
    }

    public void run(Tenant tenant, java.util.function.Consumer<EntityManager> work) {
        call(tenant, em -> {
            work.accept(em);
            return null;
        });
    }

    /** The dedup table on {@code em}. */
    public static ProcessedEvents processed(EntityManager em) {
        ProcessedEvents processed = new ProcessedEvents();
        processed.em = em;
        return processed;
    }

    public static OutletDirectory outlets(EntityManager em) {
        OutletDirectory outlets = new OutletDirectory();
        inject(outlets, "em", em);
        return outlets;
    }

    /** Sets a (package-private) field the container would inject. */
    public static void inject(Object target, String field, Object value) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(field);
                f.setAccessible(true);
                f.set(target, value);
                return;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no field " + field + " in " + target.getClass());
    }

    public static EventMessage event(Tenant tenant, String type, String eventId, String json) {
        return EventMessage.of(tenant.slug(), type, eventId, json);
    }

    // ---- plain SQL --------------------------------------------------------------------------

    public void sql(Tenant tenant, String... statements) {
        try (Connection c = connection(tenant); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<List<Object>> rows(Tenant tenant, String query) {
        try (Connection c = connection(tenant); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    row.add(value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(Tenant tenant, String table, String where) {
        return ((Number) rows(tenant, "select count(*) from " + table + (where == null ? "" : " where " + where))
                .get(0).get(0)).longValue();
    }

    private Connection connection(Tenant tenant) throws SQLException {
        Connection c = dataSource.getConnection();
        c.setSchema(tenant.schema());
        return c;
    }

    /** Two outlets: 1 in Europe/Berlin, 2 in UTC. */
    public void seedOutlets(Tenant tenant) {
        sql(tenant, "insert into outlet (id, name, timezone, currency, created_at, updated_at) values "
                + "(1, 'Mitte', 'Europe/Berlin', 'EUR', current_timestamp, current_timestamp), "
                + "(2, 'Hafen', 'UTC', 'EUR', current_timestamp, current_timestamp)");
    }

    @Override
    public void close() {
        emf.close();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("shutdown");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
