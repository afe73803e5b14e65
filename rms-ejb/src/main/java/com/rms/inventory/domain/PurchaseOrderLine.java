package com.rms.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** What a purchase order asks for of one stock item (in its unit), and how much of it has arrived. */
@Entity
@Table(name = "purchase_order_line")
public class PurchaseOrderLine {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rmsIds")
    private Long id;

    @Column(name = "stock_item_id", nullable = false, updatable = false)
    private long stockItemId;

    @Column(nullable = false, precision = 14, scale = 3)
    private BigDecimal quantity;

    @Column(name = "unit_cost", nullable = false, precision = 14, scale = 4)
    private BigDecimal unitCost;

    @Column(name = "received_quantity", nullable = false, precision = 14, scale = 3)
    private BigDecimal receivedQuantity;

    @Column(name = "line_no", nullable = false)
    private int lineNo;

    protected PurchaseOrderLine() {
    }

    public PurchaseOrderLine(int lineNo, long stockItemId, BigDecimal quantity, BigDecimal unitCost) {
        if (quantity.signum() <= 0 || unitCost.signum() < 0) {
            throw new IllegalArgumentException("a line orders a positive quantity at a cost of 0 or more");
        }
        this.lineNo = lineNo;
        this.stockItemId = stockItemId;
        this.quantity = quantity.setScale(Unit.QUANTITY_SCALE, RoundingMode.HALF_EVEN);
        this.unitCost = unitCost.setScale(Costing.COST_SCALE, RoundingMode.HALF_EVEN);
        this.receivedQuantity = BigDecimal.ZERO.setScale(Unit.QUANTITY_SCALE);
    }

    /** What is still to arrive. */
    public BigDecimal outstanding() {
        return quantity.subtract(receivedQuantity);
    }

    void receive(BigDecimal more) {
        if (more.signum() <= 0 || more.compareTo(outstanding()) > 0) {
            throw new IllegalArgumentException("cannot receive " + more + " of " + outstanding() + " outstanding");
        }
        receivedQuantity = receivedQuantity.add(more).setScale(Unit.QUANTITY_SCALE, RoundingMode.HALF_EVEN);
    }

    public Long getId() {
        return id;
    }

    public long getStockItemId() {
        return stockItemId;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public BigDecimal getUnitCost() {
        return unitCost;
    }

    public BigDecimal getReceivedQuantity() {
        return receivedQuantity;
    }

    public int getLineNo() {
        return lineNo;
    }
}
