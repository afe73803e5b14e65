package com.rms.testing;

import com.rms.platform.validation.Validation;
import jakarta.validation.Validator;

/** The house's {@link Validation} over Hibernate Validator, the Bean Validation that Liberty provides. */
public final class BeanValidation {

    private static final Validator VALIDATOR = jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator();

    private BeanValidation() {
    }

    public static Validation validation() {
        Validation validation = new Validation();
        TenantDatabase.inject(validation, "validator", VALIDATOR);
        return validation;
    }
}
