package com.rms.platform.security;

import jakarta.persistence.Query;

/**
 * The outlet condition of a list the caller reads: the outlet asked for (if the caller may see it),
 * else the caller's own outlets, else (a chain-wide caller) all; {@link #none()} when the caller can
 * see nothing of what was asked, so the list is empty without a query. The entity's alias is {@code o}
 * with an {@code outletId} attribute.
 */
public record OutletScope(Long outletId, Caller caller) {

    public static OutletScope of(Caller caller, Long outletId) {
        return new OutletScope(outletId, caller);
    }

    /** Whether the caller may see none of the outlets asked for. */
    public boolean none() {
        return outletId != null && !caller.mayAccessOutlet(outletId)
                || outletId == null && caller.limitedToOutlets() && caller.outletIds().isEmpty();
    }

    /** The condition to append to a {@code where}, or nothing. */
    public String condition() {
        if (outletId != null) {
            return " and o.outletId = :outlet";
        }
        return caller.limitedToOutlets() ? " and o.outletId in :outlets" : "";
    }

    /** Binds the condition's parameter on a query built with {@link #condition()}. */
    public void bind(Query query) {
        if (outletId != null) {
            query.setParameter("outlet", outletId);
        } else if (caller.limitedToOutlets()) {
            query.setParameter("outlets", caller.outletIds());
        }
    }
}
