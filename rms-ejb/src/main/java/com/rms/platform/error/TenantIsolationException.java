package com.rms.platform.error;

import java.util.List;

/** Problem kind {@code tenant-isolation}: The request names another tenant. */
public final class TenantIsolationException extends RmsException {

    public TenantIsolationException(String detail) {
        super(detail);
    }

    public TenantIsolationException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }

    @Override
    public String kind() {
        return "tenant-isolation";
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String title() {
        return "The request names another tenant";
    }
}
