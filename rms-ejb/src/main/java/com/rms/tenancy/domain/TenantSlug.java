package com.rms.tenancy.domain;

import java.util.regex.Pattern;

/**
 * The shape of a tenant slug: what the registry accepts when a chain is provisioned, and so the only
 * thing worth looking up, counting or logging when a client names a tenant. Anything else is
 * refused before it becomes a map key, a log line or a query.
 */
public final class TenantSlug {

    public static final String REGEX = "[a-z][a-z0-9_]{1,29}";
    public static final String RULE = "must be 2-30 lower-case letters, digits or _, starting with a letter";
    private static final Pattern SHAPE = Pattern.compile(REGEX);
    /** Longer than any slug can be: a longer value is refused without running the pattern over it. */
    private static final int MAX_LENGTH = 30;

    private TenantSlug() {
    }

    public static boolean isWellFormed(String value) {
        return value != null && value.length() <= MAX_LENGTH && SHAPE.matcher(value).matches();
    }
}
