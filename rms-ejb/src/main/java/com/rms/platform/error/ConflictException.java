package com.rms.platform.error;

import java.util.List;

/** Problem kind {@code conflict}: Conflict with the current state. */
public final class ConflictException extends RmsException {

    /** The current state of what the caller tried to change, for it to merge (null when not shared). */
    private final transient Object current;

    public ConflictException(String detail) {
        super(detail);
        this.current = null;
    }

    /** A stale write: {@code current} is what the record looks like now. */
    public ConflictException(String detail, Object current) {
        super(detail);
        this.current = current;
    }

    public Object current() {
        return current;
    }

    public ConflictException(String detail, List<FieldError> errors) {
        super(detail, errors);
        this.current = null;
    }

    @Override
    public String kind() {
        return "conflict";
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String title() {
        return "Conflict with the current state";
    }
}
