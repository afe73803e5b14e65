package com.rms.platform.error;

import java.util.List;
import java.util.Map;

/** Problem kind {@code business-rule}: A business rule forbids this. */
public final class BusinessRuleException extends RmsException {

    public BusinessRuleException(String detail) {
        super(detail);
    }

    public BusinessRuleException(String detail, List<FieldError> errors) {
        super(detail, errors);
    }

    public BusinessRuleException(String detail, List<FieldError> errors, Map<String, Long> extensions) {
        super(detail, errors, extensions);
    }

    @Override
    public String kind() {
        return "business-rule";
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String title() {
        return "A business rule forbids this";
    }
}
