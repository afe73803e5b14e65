package com.rms.platform.tenant;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tenant the current thread works for. Set once at the edge (or by a message consumer, job or
 * timer from the tenant it carries), cleared in {@code finally}. The persistence layer reads it to
 * pick the tenant's schema; with none set, SQL runs against an empty sentinel schema and fails.
 */
public final class TenantContext {

    /** The empty schema a connection points at when no tenant is set: every table lookup fails. */
    public static final String SENTINEL_SCHEMA = "rms_none";
    public static final String CONTROL_SCHEMA = "rms_control";

    private static final ThreadLocal<Tenant> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    /** A tenant as the running code needs it: its slug and the schema its tables live in. */
    public record Tenant(String slug, String schema) {
        public static Tenant of(String slug) {
            return new Tenant(slug, schemaOf(slug));
        }
    }

    public static String schemaOf(String slug) {
        return "t_" + slug;
    }

    public static void set(Tenant tenant) {
        CURRENT.set(tenant);
    }

    public static void clear() {
        CURRENT.remove();
    }

    public static Optional<Tenant> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The current tenant, or a loud failure: code that needs a tenant never guesses one. */
    public static Tenant require() {
        Tenant tenant = CURRENT.get();
        if (tenant == null) {
            throw new IllegalStateException("no tenant context on this thread");
        }
        return tenant;
    }

    /** The schema a connection acquired now must use. */
    public static String currentSchema() {
        Tenant tenant = CURRENT.get();
        return tenant == null ? SENTINEL_SCHEMA : tenant.schema();
    }

    /** Runs {@code work} as {@code tenant}, restoring whatever was set before. */
    public static <T> T callAs(Tenant tenant, Supplier<T> work) {
        Tenant previous = CURRENT.get();
        CURRENT.set(tenant);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public static void runAs(Tenant tenant, Runnable work) {
        callAs(tenant, () -> {
            work.run();
            return null;
        });
    }
}
