package com.rms.analytics.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One stock item's use at one outlet over a period, in the item's unit, and its variance: the
 * arithmetic of the {@code stock-variance} report, kept pure so its signs and roundings are tested
 * alone.
 *
 * <p>{@code opening} and {@code closing} are on hand at the period's first and last instant;
 * {@code receipts} what purchase orders brought in; {@code transfers} what transfers brought in less
 * what they took out (signed); {@code theoretical} what the recipes of what was sold consumed and
 * {@code waste} what was written off, both as positive amounts used.
 *
 * <ul>
 * <li>{@link #actual()} = opening + receipts + transfers − closing − waste: what left the shelf
 * for the kitchen, as the stock says.</li>
 * <li>{@link #variance()} = actual − theoretical: <b>positive</b> when more was used than the recipes
 * explain (a loss: portions too large, theft, unrecorded waste), <b>negative</b> when less (a gain:
 * portions too small, or a receipt or count that found more than the ledger had).</li>
 * <li>{@link #percent()} is the variance in percent of the theoretical use, rounded HALF_EVEN to two
 * decimals; with no theoretical use it has no meaning (any variance would be infinitely many percent)
 * and is null.</li>
 * <li>{@link #value} is the variance at the item's average cost, rounded HALF_EVEN at the currency's
 * minor unit.</li>
 * </ul>
 */
public record StockUse(BigDecimal opening, BigDecimal receipts, BigDecimal transfers, BigDecimal theoretical,
        BigDecimal waste, BigDecimal closing) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public BigDecimal actual() {
        return opening.add(receipts).add(transfers).subtract(closing).subtract(waste);
    }

    public BigDecimal variance() {
        return actual().subtract(theoretical);
    }

    /** The variance in percent of the theoretical use, or null when nothing was to be used. */
    public BigDecimal percent() {
        return theoretical.signum() == 0 ? null
                : variance().multiply(HUNDRED).divide(theoretical, 2, RoundingMode.HALF_EVEN);
    }

    /** The variance at {@code averageCost} per unit, at {@code scale} decimals (the currency's minor unit). */
    public BigDecimal value(BigDecimal averageCost, int scale) {
        return variance().multiply(averageCost).setScale(scale, RoundingMode.HALF_EVEN);
    }
}
