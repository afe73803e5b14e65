package com.rms.platform.error;

import java.util.List;

/** Problem kind {@code conflict}: Conflict with the current state. */
public final class ConflictException extends RmsException {

    public ConflictException(String detail) {
        super(detail);
    }

    public ConflictException(String detail, List<FieldError> errors) {
        super(detail, errors);
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
