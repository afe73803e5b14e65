package com.rms.online.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * An online order's life (API.md): RECEIVED → ACCEPTED → PREPARING → READY → COMPLETED; REJECTED only
 * from RECEIVED (by the staff or the auto-reject timer); CANCELLED before READY (by the partner or a
 * manager). REJECTED, CANCELLED and COMPLETED are final.
 */
public enum OnlineOrderStatus {
    RECEIVED, ACCEPTED, PREPARING, READY, COMPLETED, REJECTED, CANCELLED;

    /** Whether an order in this status may move to {@code next}. */
    public boolean canBecome(OnlineOrderStatus next) {
        return successors().contains(next);
    }

    /** The statuses this one may move to. */
    public Set<OnlineOrderStatus> successors() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(ACCEPTED, REJECTED, CANCELLED);
            case ACCEPTED -> EnumSet.of(PREPARING, CANCELLED);
            case PREPARING -> EnumSet.of(READY, CANCELLED);
            case READY -> EnumSet.of(COMPLETED);
            case COMPLETED, REJECTED, CANCELLED -> EnumSet.noneOf(OnlineOrderStatus.class);
        };
    }

    /** Whether the order is over: nothing moves it any more. */
    public boolean isFinal() {
        return successors().isEmpty();
    }
}
