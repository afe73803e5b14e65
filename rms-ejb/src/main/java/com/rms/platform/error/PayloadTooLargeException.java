package com.rms.platform.error;

import java.util.List;

/** Problem kind {@code payload-too-large}: The request body is too large. */
public final class PayloadTooLargeException extends RmsException {

    public PayloadTooLargeException(String detail) {
        super(detail);
    }

    public PayloadTooLargeException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }

    @Override
    public String kind() {
        return "payload-too-large";
    }

    @Override
    public int status() {
        return 413;
    }

    @Override
    public String title() {
        return "The request body is too large";
    }
}
