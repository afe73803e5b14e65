package com.rms.inventory.domain;

import com.rms.platform.persistence.BaseEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An order of stock from a supplier for one outlet. It is drafted, sent, received in one or more
 * deliveries (never more than ordered), or cancelled before anything arrived. Its lines change only
 * through it, so the status always agrees with what was received.
 */
@Entity
@Table(name = "purchase_order")
public class PurchaseOrder extends BaseEntity {

    @Column(name = "supplier_id", nullable = false, updatable = false)
    private long supplierId;

    @Column(name = "outlet_id", nullable = false, updatable = false)
    private long outletId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PurchaseOrderStatus status;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "order_id", nullable = false)
    @OrderBy("lineNo")
    private List<PurchaseOrderLine> lines = new ArrayList<>();

    protected PurchaseOrder() {
    }

    public PurchaseOrder(long supplierId, long outletId, String createdBy, List<PurchaseOrderLine> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a purchase order has at least one line");
        }
        this.supplierId = supplierId;
        this.outletId = outletId;
        this.createdBy = createdBy;
        this.status = PurchaseOrderStatus.DRAFT;
        this.lines.addAll(lines);
    }

    public void send() {
        if (status != PurchaseOrderStatus.DRAFT) {
            throw new IllegalStateException("only a draft can be sent; this order is " + status);
        }
        status = PurchaseOrderStatus.SENT;
        sentAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public void cancel() {
        if (!status.mayCancel()) {
            throw new IllegalStateException("a " + status + " order cannot be cancelled");
        }
        status = PurchaseOrderStatus.CANCELLED;
    }

    /** Books {@code quantity} of a stock item as arrived and moves the status on. */
    public void receive(long stockItemId, BigDecimal quantity) {
        if (!status.mayReceive()) {
            throw new IllegalStateException("a " + status + " order cannot be received");
        }
        PurchaseOrderLine line = line(stockItemId)
                .orElseThrow(() -> new IllegalArgumentException("stock item " + stockItemId + " is not on this order"));
        line.receive(quantity);
        boolean complete = lines.stream().allMatch(l -> l.outstanding().signum() == 0);
        status = complete ? PurchaseOrderStatus.RECEIVED : PurchaseOrderStatus.PARTIALLY_RECEIVED;
    }

    public Optional<PurchaseOrderLine> line(long stockItemId) {
        return lines.stream().filter(l -> l.getStockItemId() == stockItemId).findFirst();
    }

    public long getSupplierId() {
        return supplierId;
    }

    public long getOutletId() {
        return outletId;
    }

    public PurchaseOrderStatus getStatus() {
        return status;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getSentAt() {
        return sentAt;
    }

    public List<PurchaseOrderLine> getLines() {
        return List.copyOf(lines);
    }
}
