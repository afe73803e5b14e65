package com.rms.platform.error;

import java.util.List;

/** Problem kind {@code not-found}: Not found. */
public final class NotFoundException extends RmsException {

    public NotFoundException(String detail) {
        super(detail);
    }

    public NotFoundException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }

    @Override
    public String kind() {
        return "not-found";
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Not found";
    }
}
