package com.rms.inventory.application;

import com.rms.inventory.domain.StockItem;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A stock item as the API shows it. */
public record StockItemView(long id, String sku, String name, String unit, BigDecimal reorderLevel,
        BigDecimal unitCost, BigDecimal averageCost, boolean allowNegative, boolean active, long version,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static StockItemView of(StockItem i) {
        return new StockItemView(i.getId(), i.getSku(), i.getName(), i.getUnit().code(), i.getReorderLevel(),
                i.getUnitCost(), i.getAverageCost(), i.isAllowNegative(), i.isActive(), i.getVersion(),
                i.getCreatedAt(), i.getUpdatedAt());
    }
}
