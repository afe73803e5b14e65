package com.rms.inventory.domain;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * The unit a stock item is counted in. Units of the same dimension convert into each other (g and
 * kg, ml and l); {@code each} only to itself, because a count of things has no weight or volume.
 */
public enum Unit {
    G(Dimension.MASS, BigDecimal.ONE),
    KG(Dimension.MASS, new BigDecimal("1000")),
    ML(Dimension.VOLUME, BigDecimal.ONE),
    L(Dimension.VOLUME, new BigDecimal("1000")),
    EACH(Dimension.COUNT, BigDecimal.ONE);

    /** Quantities are kept to the thousandth of a unit (a gram of a kilogram). */
    public static final int QUANTITY_SCALE = 3;

    private enum Dimension { MASS, VOLUME, COUNT }

    private final Dimension dimension;
    /** How many of the dimension's smallest unit one of this unit is. */
    private final BigDecimal factor;

    Unit(Dimension dimension, BigDecimal factor) {
        this.dimension = dimension;
        this.factor = factor;
    }

    /** The unit a code of the API names ({@code g, kg, ml, l, each}, any case), if any. */
    public static Optional<Unit> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Unit unit : values()) {
            if (unit.name().equals(code.trim().toUpperCase(Locale.ROOT))) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }

    /** The code the API uses. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean convertsTo(Unit target) {
        return dimension == target.dimension;
    }

    /**
     * {@code quantity} of this unit expressed in {@code target}, at scale 3 (HALF_EVEN).
     *
     * @throws IncompatibleUnitsException when the units measure different things
     */
    public BigDecimal convert(BigDecimal quantity, Unit target) {
        if (!convertsTo(target)) {
            throw new IncompatibleUnitsException(this, target);
        }
        return quantity.multiply(factor)
                .divide(target.factor, QUANTITY_SCALE + 6, java.math.RoundingMode.HALF_EVEN)
                .setScale(QUANTITY_SCALE, java.math.RoundingMode.HALF_EVEN);
    }

    /** Two units that cannot be converted into each other, such as grams and pieces. */
    public static final class IncompatibleUnitsException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public IncompatibleUnitsException(Unit from, Unit to) {
            super(from.code() + " cannot be converted to " + to.code());
        }
    }
}
