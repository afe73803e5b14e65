package com.rms.platform.logging;

import com.rms.platform.security.CallerContext;
import com.rms.platform.tenant.TenantContext;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Structured logging over java.util.logging. Every line is redacted, clipped (at most
 * {@value #MAX_MESSAGE} characters; control characters such as CR and LF escaped, so no client
 * input can forge a line) and carries the tenant, the
 * request id, the user and its {@link LogContext} as the JSON log fields {@code ext_tenant},
 * {@code ext_requestId}, {@code ext_user} and {@code ext_context}, through Liberty's
 * {@code LogRecordContext} (absent outside Liberty, where the fields are simply not added).
 */
public final class RmsLog {

    private static final MethodHandle ADD = extension("addExtension", String.class, String.class);
    private static final MethodHandle REMOVE = extension("removeExtension", String.class);
    private static final String[] FIELDS = {"tenant", "requestId", "user", "context"};

    /** The longest message written; a longer one is cut (after redaction, which sees a bit more). */
    public static final int MAX_MESSAGE = 1000;
    /** The most of one piece of client input a message should quote: see {@link #clip(String)}. */
    public static final int MAX_QUOTE = 200;
    /** What redaction looks at: enough past the cut that a card number across it is still seen whole. */
    private static final int REDACT_WINDOW = MAX_MESSAGE + 200;

    private static final String CUT = "…[cut]";

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
        LogWrites.begin(System.nanoTime());
        try {
            String text = safe(message, MAX_MESSAGE);
            if (cause == null) {
                logger.log(level, text);
            } else {
                Throwable clipped = Clipped.of(cause);
                logger.log(level, text + " (" + clipped + ")", clipped);
            }
        } finally {
            LogWrites.end();
            for (String field : FIELDS) {
                invoke(REMOVE, field, null);
            }
        }
    }

    /**
     * A piece of client input as a message may quote it: at most {@value #MAX_QUOTE} characters.
     * Use it for anything a client chose (a name, a header, a path) when composing a message.
     */
    public static String clip(String input) {
        return cut(input, MAX_QUOTE);
    }

    /** Redacted, escaped and at most {@code max} characters (plus the mark of the cut). */
    static String safe(String text, int max) {
        if (text == null) {
            return "null";
        }
        boolean longer = text.length() > REDACT_WINDOW;
        String shown = cut(escape(Redactor.redact(longer ? text.substring(0, REDACT_WINDOW) : text)), max);
        return longer && !shown.endsWith(CUT) ? shown + CUT : shown;
    }

    private static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + CUT;
    }

    /** CR, LF, TAB and other control characters as escapes: one event is one line. */
    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                switch (c) {
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(String.format("\\u%04x", (int) c));
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * A throwable as logged: the same class name and stack, its message redacted and clipped, causes
     * likewise. An exception can carry client input in its message (a parser quoting the body),
     * and Liberty writes the message with the stack.
     */
    static final class Clipped extends Throwable {
        private final String type;

        private Clipped(Throwable original, int depth) {
            super(original.getMessage() == null ? null : safe(original.getMessage(), MAX_QUOTE * 2),
                    original.getCause() != null && original.getCause() != original && depth < 8
                            ? new Clipped(original.getCause(), depth + 1) : null,
                    false, true);
            this.type = original.getClass().getName();
            setStackTrace(original.getStackTrace());
        }

        static Throwable of(Throwable original) {
            return new Clipped(original, 0);
        }

        @Override
        public String toString() {
            return type + ": " + getMessage();
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
