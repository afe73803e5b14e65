package com.rms.inventory.application;

import java.math.BigDecimal;
import java.util.List;

/**
 * The stock port of the point of sale: what an order's lines consume according to the recipes of
 * their menu items and chosen modifiers, whether the outlet has it, and taking it out of (or putting
 * it back into) the outlet's stock.
 *
 * <p>{@link #deduct} and {@link #restore} are idempotent per order reference: a second call for the
 * same reference changes nothing. Deduction is strict: concurrent orders lock the stock they use, so
 * when K portions are left at most K of them succeed; an item flagged {@code allowNegative} may be
 * sold below zero.
 */
public interface StockAvailability {

    /** One line of an order: {@code quantity} portions of a menu item with the chosen modifiers (once per portion). */
    record OrderLine(long menuItemId, List<Long> modifierIds, int quantity) {
        public OrderLine {
            modifierIds = modifierIds == null ? List.of() : List.copyOf(modifierIds);
        }
    }

    /** A line that cannot be made: the stock item it runs out of, what it needs (with the lines before it) and what there is. */
    record Shortage(int line, long menuItemId, long stockItemId, String sku, BigDecimal required, BigDecimal available) {
    }

    /**
     * Which lines cannot be made at the outlet now (on hand less what is held for orders being paid), taking the lines in order (a later line can only
     * use what the earlier ones leave). Strict items only; reads without locking.
     */
    List<Shortage> check(long outletId, List<OrderLine> lines);

    /**
     * Takes the stock of the lines out of the outlet as SALE movements carrying {@code orderReference}.
     *
     * @return false if stock was already deducted for this reference (nothing changed)
     * @throws com.rms.platform.error.BusinessRuleException if a strict item has too little stock, or the
     *     reference was already deducted at another outlet (nothing changed)
     */
    boolean deduct(long outletId, String orderReference, List<OrderLine> lines);

    /**
     * Records a sale that already happened: like {@link #deduct} (SALE movements carrying
     * {@code orderReference}, idempotent per reference, {@code stock.low} at the crossing), but a strict
     * item short of stock goes below zero instead of refusing, because the food has left the kitchen.
     * The side-effect consumer of completed orders uses it.
     *
     * @return false if stock was already deducted for this reference (nothing changed)
     * @throws com.rms.platform.error.BusinessRuleException if the reference was already deducted at another outlet
     */
    boolean deductSold(long outletId, String orderReference, List<OrderLine> lines);

    /** A completed sale to record: where, under which reference, and its lines. */
    record Sale(long outletId, String orderReference, List<OrderLine> lines) {
        public Sale {
            lines = List.copyOf(lines);
        }
    }

    /**
     * Records several sales that already happened, each as {@link #deductSold} does, in one go: every
     * sale is checked, expanded by recipe and recorded first, and the stock levels they touch are
     * locked only then, once and in order, so orders being paid at the same time wait on those levels
     * no longer than the writes take.
     *
     * @return how many sales were deducted now (the others were deducted before)
     * @throws com.rms.platform.error.BusinessRuleException if a reference was already deducted at another outlet
     */
    int deductSold(List<Sale> sales);

    /**
     * Puts back exactly what was deducted for {@code orderReference} (the ledger's SALE movements,
     * not today's recipes) as REFUND movements carrying the reference.
     *
     * @return false if it was already restored for this reference (nothing changed)
     * @throws com.rms.platform.error.BusinessRuleException if nothing was deducted for this reference at this outlet
     */
    boolean restore(long outletId, String orderReference);

    /**
     * Holds the stock of the lines at the outlet for {@code orderReference} while the order is being
     * paid, under the same locks as every stock change: with K portions available, at most K
     * concurrent holds succeed. What is held is not available to {@link #check}, to other holds or to
     * strict deductions; {@link #deduct}/{@link #deductSold} of the same reference turn the hold into
     * the sale, {@link #release} gives it back.
     *
     * @return false if the reference already holds stock or was already deducted (nothing changed)
     * @throws com.rms.platform.error.BusinessRuleException if a strict item has too little available (nothing is held)
     */
    boolean hold(long outletId, String orderReference, List<OrderLine> lines);

    /**
     * Releases what {@code orderReference} holds (the payment failed or the order was voided).
     *
     * @return false if nothing was held
     */
    boolean release(long outletId, String orderReference);
}
