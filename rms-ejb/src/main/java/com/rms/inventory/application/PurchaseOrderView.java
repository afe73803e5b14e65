package com.rms.inventory.application;

import com.rms.inventory.domain.Costing;
import com.rms.inventory.domain.PurchaseOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.List;

/** A purchase order as the API shows it, with its ordered total. */
public record PurchaseOrderView(long id, long supplierId, long outletId, String status, List<Line> lines,
        BigDecimal total, String createdBy, OffsetDateTime sentAt, long version, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** One line: ordered, received so far, at what cost. */
    public record Line(long stockItemId, BigDecimal quantity, BigDecimal unitCost, BigDecimal receivedQuantity) {
    }

    static PurchaseOrderView of(PurchaseOrder po) {
        List<Line> lines = po.getLines().stream().map(l -> new Line(l.getStockItemId(), l.getQuantity(),
                l.getUnitCost(), l.getReceivedQuantity())).toList();
        BigDecimal total = po.getLines().stream().map(l -> l.getQuantity().multiply(l.getUnitCost()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new PurchaseOrderView(po.getId(), po.getSupplierId(), po.getOutletId(), po.getStatus().name(), lines,
                total.setScale(Costing.MONEY_SCALE, RoundingMode.HALF_EVEN), po.getCreatedBy(), po.getSentAt(),
                po.getVersion(), po.getCreatedAt(), po.getUpdatedAt());
    }
}
