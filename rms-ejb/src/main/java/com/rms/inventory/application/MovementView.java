package com.rms.inventory.application;

import com.rms.inventory.domain.StockMovement;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One ledger entry as the API shows it. */
public record MovementView(long id, long outletId, long stockItemId, String reason, BigDecimal quantity,
        BigDecimal unitCost, String reference, String note, String username, OffsetDateTime at) {

    static MovementView of(StockMovement m) {
        return new MovementView(m.getId(), m.getOutletId(), m.getStockItemId(), m.getReason().name(), m.getQuantity(),
                m.getUnitCost(), m.getReference(), m.getNote(), m.getUsername(), m.getAt());
    }
}
