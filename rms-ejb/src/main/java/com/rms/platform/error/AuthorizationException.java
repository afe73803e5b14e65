package com.rms.platform.error;

import java.util.List;

/** Problem kind {@code authorization}: The caller's role does not allow this. */
public final class AuthorizationException extends RmsException {

    public AuthorizationException(String detail) {
        super(detail);
    }

    public AuthorizationException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }

    @Override
    public String kind() {
        return "authorization";
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String title() {
        return "The caller's role does not allow this";
    }
}
