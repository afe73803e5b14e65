package com.rms.platform.error;

import java.util.List;

/** Problem kind {@code authentication}: Authentication is required. */
public final class AuthenticationException extends RmsException {

    public AuthenticationException(String detail) {
        super(detail);
    }

    public AuthenticationException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }

    @Override
    public String kind() {
        return "authentication";
    }

    @Override
    public int status() {
        return 401;
    }

    @Override
    public String title() {
        return "Authentication is required";
    }
}
