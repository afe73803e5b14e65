package com.rms.testing;

import com.rms.platform.tenant.TenantContext.Tenant;
import com.rms.tenancy.application.SchemaMigrator;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.h2.jdbcx.JdbcDataSource;

/**
 * An in-memory H2 configured as the server configures it, with the real Flyway migrations (control
 * and tenant schemas) and EclipseLink with the production tenant schema listener: the base of the
 * in-process harnesses, with plain-SQL helpers to seed and inspect a tenant's schema.
 */
public abstract class TenantDatabase implements AutoCloseable {

    public final JdbcDataSource dataSource;
    public final EntityManagerFactory emf;
    /** While true, every connection the EntityManagers ask for is refused as by a database that is down. */
    public final AtomicBoolean down = new AtomicBoolean();

    protected TenantDatabase(String name, Tenant... tenants) {
        this(name, source -> source, tenants);
    }

    /** With the EntityManagers' connections taken through {@code wrap} (e.g. to count them). */
    protected TenantDatabase(String name, UnaryOperator<DataSource> wrap, Tenant... tenants) {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID()
                + ";MODE=LEGACY;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;"
                + "INIT=CREATE SCHEMA IF NOT EXISTS rms_none\\;SET SCHEMA rms_none");
        SchemaMigrator migrator = new SchemaMigrator(dataSource);
        migrator.migrateControl();
        for (Tenant tenant : tenants) {
            migrator.migrateTenant(tenant.schema());
        }
        emf = new PersistenceProvider().createEntityManagerFactory("rms-ledger-test", Map.of(
                PersistenceUnitProperties.ECLIPSELINK_PERSISTENCE_XML, "META-INF/persistence-test.xml",
                PersistenceUnitProperties.NON_JTA_DATASOURCE, wrap.apply(switchable(dataSource))));
    }

    /** {@code target} refusing connections (SQL state 08001, as a pool whose database is down) while {@link #down}. */
    private DataSource switchable(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(TenantDatabase.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && down.get()) {
                        throw new SQLTransientConnectionException("Connection refused (the test stopped the database)",
                                "08001");
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
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

    public void sql(Tenant tenant, String... statements) {
        try (Connection c = connection(tenant); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of a query in the tenant's schema; decimals as plain strings without trailing zeros. */
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
