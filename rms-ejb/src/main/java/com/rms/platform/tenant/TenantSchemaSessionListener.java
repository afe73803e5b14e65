package com.rms.platform.tenant;

import com.rms.platform.persistence.FailFastSession;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Points every connection EclipseLink acquires at the current tenant's schema (or the empty
 * sentinel schema). Uses {@link Connection#setSchema} rather than SQL so that Liberty's statement
 * cache and connection pool know the schema and reset it when the connection goes back.
 *
 * <p>The event carries EclipseLink's accessor, whose class lives in a package Liberty does not
 * export to applications; its public {@code getConnection()} is looked up once per class.
 */
public class TenantSchemaSessionListener extends SessionEventAdapter {

    private static final Map<Class<?>, MethodHandle> GET_CONNECTION = new ConcurrentHashMap<>();

    /** Registered here because a persistence unit takes one session listener: see {@link FailFastSession}. */
    @Override
    public void preLogin(SessionEvent event) {
        FailFastSession.configure(event.getSession());
    }

    @Override
    public void postAcquireConnection(SessionEvent event) {
        Connection connection = connectionOf(event.getResult());
        String schema = TenantContext.currentSchema();
        try {
            if (!schema.equals(connection.getSchema())) {
                connection.setSchema(schema);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot switch the connection to schema " + schema, e);
        }
    }

    private static Connection connectionOf(Object accessor) {
        MethodHandle getter = GET_CONNECTION.computeIfAbsent(accessor.getClass(), type -> {
            try {
                return MethodHandles.publicLookup().findVirtual(type, "getConnection", MethodType.methodType(Connection.class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("EclipseLink accessor " + type + " has no getConnection()", e);
            }
        });
        try {
            return (Connection) getter.invoke(accessor);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot reach the JDBC connection of " + accessor.getClass(), e);
        }
    }
}
