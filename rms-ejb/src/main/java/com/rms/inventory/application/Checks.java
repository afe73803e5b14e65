package com.rms.inventory.application;

import com.rms.inventory.domain.Costing;
import com.rms.inventory.domain.Unit;
import com.rms.platform.validation.Validation;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Field checks of quantities, costs and units shared by the inventory services. */
final class Checks {

    static final String UNITS = Arrays.stream(Unit.values()).map(Unit::code).collect(Collectors.joining(", "));

    private Checks() {
    }

    /** A quantity that must be present, greater than zero and have at most 3 decimals. */
    static void positiveQuantity(Validation.Errors errors, String field, BigDecimal value) {
        if (value == null) {
            errors.add(field, "is required");
        } else if (value.signum() <= 0) {
            errors.add(field, "must be greater than 0");
        } else {
            scale(errors, field, value, Unit.QUANTITY_SCALE);
        }
    }

    /** A quantity or amount that may be zero but not negative, with at most {@code scale} decimals. */
    static void notNegative(Validation.Errors errors, String field, BigDecimal value, int scale) {
        if (value == null) {
            errors.add(field, "is required");
        } else if (value.signum() < 0) {
            errors.add(field, "must not be negative");
        } else {
            scale(errors, field, value, scale);
        }
    }

    /** An optional unit cost: absent, or 0 or more with at most 4 decimals. */
    static void optionalCost(Validation.Errors errors, String field, BigDecimal value) {
        if (value != null) {
            notNegative(errors, field, value, Costing.COST_SCALE);
        }
    }

    static void scale(Validation.Errors errors, String field, BigDecimal value, int scale) {
        if (value.stripTrailingZeros().scale() > scale) {
            errors.add(field, "must have at most " + scale + " decimals");
        } else if (value.abs().compareTo(new BigDecimal("1e10")) >= 0) {
            errors.add(field, "is too large");
        }
    }

    /** The unit a field names, or an error naming the units there are. */
    static Optional<Unit> unit(Validation.Errors errors, String field, String code) {
        Optional<Unit> unit = Unit.parse(code);
        if (code != null && unit.isEmpty()) {
            errors.add(field, "must be one of " + UNITS);
        }
        return unit;
    }
}
