package com.rms.inventory.application;

import com.rms.inventory.domain.MovementReason;
import java.math.BigDecimal;

/**
 * A movement to post: a signed quantity in the stock item's unit, or for a COUNT the counted
 * quantity (the difference is computed once the level is locked). {@code unitCost} is null for
 * everything but receipts, which move at the item's average cost.
 */
record Posting(long outletId, long stockItemId, MovementReason reason, BigDecimal quantity, BigDecimal counted,
        BigDecimal unitCost, String reference, String note) {

    static Posting move(long outletId, long stockItemId, MovementReason reason, BigDecimal quantity,
            String reference, String note) {
        return new Posting(outletId, stockItemId, reason, quantity, null, null, reference, note);
    }

    static Posting count(long outletId, long stockItemId, BigDecimal counted, String note) {
        return new Posting(outletId, stockItemId, MovementReason.COUNT, null, counted, null, null, note);
    }

    static Posting receipt(long outletId, long stockItemId, BigDecimal quantity, BigDecimal unitCost,
            String reference) {
        return new Posting(outletId, stockItemId, MovementReason.PURCHASE, quantity, null, unitCost, reference, null);
    }
}
