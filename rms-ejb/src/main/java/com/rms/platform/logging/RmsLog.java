package com.rms.platform.logging;

import com.rms.platform.security.CallerContext;
import com.rms.platform.tenant.TenantContext;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Structured logging over java.util.logging. Every line is redacted and carries the tenant, the
 * request id, the user and its {@link LogContext} as the JSON log fields {@code ext_tenant},
 * {@code ext_requestId}, {@code ext_user} and {@code ext_context}, through Liberty's
 * {@code LogRecordContext} (absent outside Liberty, where the fields are simply not added).
 */
public final class RmsLog {

    private static final MethodHandle ADD = extension("addExtension", String.class, String.class);
    private static final MethodHandle REMOVE = extension("removeExtension", String.class);
    private static final String[] FIELDS = {"tenant", "requestId", "user", "context"};

    private final Logger logger;

    private RmsLog(Class<?> owner) {
        this.logger = Logger.getLogger(owner.getName());
    }

    public static RmsLog of(Class<?> owner) {
        return new RmsLog(owner);
    }

    public void info(LogContext context, String message) {
        log(Level.INFO, context, message, null);
    }

    public void warn(LogContext context, String message) {
        log(Level.WARNING, context, message, null);
    }

    public void error(LogContext context, String message, Throwable cause) {
        log(Level.SEVERE, context, message, cause);
    }

    public boolean isLoggable(Level level) {
        return logger.isLoggable(level);
    }

    private void log(Level level, LogContext context, String message, Throwable cause) {
        if (!logger.isLoggable(level)) {
            return;
        }
        String[] values = {
            TenantContext.current().map(TenantContext.Tenant::slug).orElse(""),
            nullToEmpty(CallerContext.requestId()),
            CallerContext.current().username(),
            context.field()
        };
        for (int i = 0; i < FIELDS.length; i++) {
            if (!values[i].isEmpty()) {
                invoke(ADD, FIELDS[i], values[i]);
            }
        }
        try {
            String text = Redactor.redact(message);
            if (cause == null) {
                logger.log(level, text);
            } else {
                logger.log(level, text + " (" + Redactor.redact(String.valueOf(cause)) + ")", cause);
            }
        } finally {
            for (String field : FIELDS) {
                invoke(REMOVE, field, null);
            }
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static void invoke(MethodHandle handle, String key, String value) {
        if (handle == null) {
            return;
        }
        try {
            if (value == null) {
                handle.invoke(key);
            } else {
                handle.invoke(key, value);
            }
        } catch (Throwable ignored) {
            // a log field that cannot be set must never break the code that logs
        }
    }

    private static MethodHandle extension(String name, Class<?>... parameters) {
        try {
            Class<?> api = Class.forName("com.ibm.websphere.logging.hpel.LogRecordContext");
            return MethodHandles.publicLookup().findStatic(api, name,
                    MethodType.methodType(name.startsWith("add") ? void.class : boolean.class, parameters));
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
