package com.rms.pos.domain;

import java.util.Set;

/**
 * A kitchen ticket's progress: HELD (a course waiting to be fired) → NEW → IN_PROGRESS → READY →
 * SERVED. A cook may skip ahead (bump NEW straight to READY) but never go back.
 */
public enum TicketStatus {
    HELD, NEW, IN_PROGRESS, READY, SERVED;

    /** The statuses a cook may move a ticket to from this one. */
    public Set<TicketStatus> next() {
        return switch (this) {
            case HELD -> Set.of();
            case NEW -> Set.of(IN_PROGRESS, READY, SERVED);
            case IN_PROGRESS -> Set.of(READY, SERVED);
            case READY -> Set.of(SERVED);
            case SERVED -> Set.of();
        };
    }

    public boolean open() {
        return this != SERVED;
    }
}
