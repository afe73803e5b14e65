package com.rms.inventory.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Cost arithmetic of stock: moving weighted average cost and valuation. */
public final class Costing {

    /** Costs per unit are kept to four decimals so small unit costs (per gram) stay meaningful. */
    public static final int COST_SCALE = 4;
    /** Money values (on-hand value) are shown to the cent. */
    public static final int MONEY_SCALE = 2;

    private Costing() {
    }

    /**
     * The average cost after receiving {@code received} units at {@code receivedCost} onto
     * {@code onHand} units valued at {@code averageCost}. Stock at or below zero carries no value to
     * average with, so the receipt's cost becomes the average.
     */
    public static BigDecimal weightedAverage(BigDecimal onHand, BigDecimal averageCost, BigDecimal received,
            BigDecimal receivedCost) {
        if (received.signum() <= 0) {
            throw new IllegalArgumentException("a receipt must be positive: " + received);
        }
        if (onHand.signum() <= 0) {
            return receivedCost.setScale(COST_SCALE, RoundingMode.HALF_EVEN);
        }
        BigDecimal value = onHand.multiply(averageCost).add(received.multiply(receivedCost));
        return value.divide(onHand.add(received), COST_SCALE, RoundingMode.HALF_EVEN);
    }

    /** The value of {@code onHand} units at {@code averageCost}, to the cent. */
    public static BigDecimal value(BigDecimal onHand, BigDecimal averageCost) {
        return onHand.multiply(averageCost).setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
    }

    /** The movement a stock count posts: what was counted minus what the ledger says. */
    public static BigDecimal countDifference(BigDecimal onHand, BigDecimal counted) {
        return counted.subtract(onHand).setScale(Unit.QUANTITY_SCALE, RoundingMode.HALF_EVEN);
    }
}
