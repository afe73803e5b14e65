package com.rms.pos.domain;

import com.rms.platform.text.Money;
import com.rms.platform.error.BusinessRuleException;
import com.rms.platform.persistence.BaseEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A check at an outlet: its lines, totals as priced by {@link Pricing}, and what has been paid and refunded. */
@Entity
@Table(name = "pos_order")
public class Order extends BaseEntity {

    @Column(name = "outlet_id", nullable = false, updatable = false)
    private long outletId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    @Column(name = "table_id")
    private Long tableId;

    @Column(name = "customer_id")
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status = OrderStatus.OPEN;

    @Column(nullable = false, updatable = false)
    private String currency;

    private BigDecimal subtotal = BigDecimal.ZERO;

    @Column(name = "discount_total")
    private BigDecimal discountTotal = BigDecimal.ZERO;

    @Column(name = "tax_total")
    private BigDecimal taxTotal = BigDecimal.ZERO;

    private BigDecimal total = BigDecimal.ZERO;

    private BigDecimal tips = BigDecimal.ZERO;

    private BigDecimal paid = BigDecimal.ZERO;

    private BigDecimal refunded = BigDecimal.ZERO;

    @Enumerated(EnumType.STRING)
    @Column(name = "discount_type")
    private DiscountType discountType;

    @Column(name = "discount_value")
    private BigDecimal discountValue;

    @Column(name = "discount_reason")
    private String discountReason;

    @Column(name = "discount_approved_by")
    private String discountApprovedBy;

    @Column(name = "void_reason")
    private String voidReason;

    @Column(name = "voided_by")
    private String voidedBy;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "completed_at")
    private OffsetDateTime completedAt;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("lineNo")
    private List<OrderLine> lines = new ArrayList<>();

    protected Order() {
    }

    public Order(long outletId, Channel channel, Long tableId, Long customerId, String currency, String createdBy) {
        this.outletId = outletId;
        this.channel = channel;
        this.tableId = tableId;
        this.customerId = customerId;
        this.currency = currency;
        this.createdBy = createdBy;
    }

    /** The currency's minor-unit scale (2 for EUR, 0 for JPY). */
    public int scale() {
        return Money.scale(currency);
    }

    public OrderLine addLine(OrderLine line) {
        requireOpen();
        line.attach(this, lines.size() + 1);
        lines.add(line);
        return line;
    }

    public void setDiscount(DiscountType type, BigDecimal value, String reason, String approvedBy) {
        requireOpen();
        this.discountType = type;
        this.discountValue = value;
        this.discountReason = reason;
        this.discountApprovedBy = approvedBy;
    }

    /** Prices the active lines and the discount again; the totals and each line's shares change together. */
    public void reprice() {
        List<OrderLine> active = activeLines();
        Pricing.Result result = Pricing.price(scale(), active.stream()
                .map(l -> new Pricing.LineInput(l.listAmount(scale()), l.getTaxRate(), l.isTaxInclusive())).toList(),
                discountType, discountValue);
        for (int i = 0; i < active.size(); i++) {
            active.get(i).priced(result.lines().get(i));
        }
        lines.stream().filter(l -> l.getStatus() == LineStatus.VOIDED).forEach(OrderLine::unpriced);
        subtotal = result.subtotal();
        discountTotal = result.discountTotal();
        taxTotal = result.taxTotal();
        total = result.total();
        if (paid.compareTo(total) > 0) {
            throw new BusinessRuleException("the order total " + total + " would fall below what was paid (" + paid + ")");
        }
    }

    public List<OrderLine> activeLines() {
        return lines.stream().filter(l -> l.getStatus() == LineStatus.ACTIVE).toList();
    }

    /** The discount's share of the subtotal, in percent (0 when nothing is discounted). */
    public BigDecimal discountPercent() {
        if (subtotal.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return discountTotal.multiply(BigDecimal.valueOf(100)).divide(subtotal, 2, java.math.RoundingMode.HALF_EVEN);
    }

    public BigDecimal balance() {
        return total.subtract(paid);
    }

    public void requireOpen() {
        if (!status.open()) {
            throw new BusinessRuleException("order " + getId() + " is " + status + "; it cannot be changed");
        }
    }

    /** Fired to the kitchen. */
    public void sent() {
        requireOpen();
        status = OrderStatus.SENT;
    }

    /** Books a successful payment; completes the order when nothing is left to pay. */
    public boolean paid(BigDecimal amount, BigDecimal tip) {
        requireOpen();
        if (amount.compareTo(balance()) > 0) {
            throw new BusinessRuleException("the payment " + amount + " exceeds the balance " + balance());
        }
        paid = paid.add(amount);
        tips = tips.add(tip);
        if (balance().signum() == 0 && !activeLines().isEmpty()) {
            complete();
            return true;
        }
        return false;
    }

    /**
     * Completes an open order with nothing left to pay without a payment: a re-opened order whose
     * changes left the balance at zero, or an order discounted to nothing.
     */
    public void close() {
        requireOpen();
        if (activeLines().isEmpty()) {
            throw new BusinessRuleException("order " + getId() + " has no lines to complete");
        }
        if (balance().signum() != 0) {
            throw new BusinessRuleException("order " + getId() + " still has " + balance() + " to pay");
        }
        complete();
    }

    private void complete() {
        status = OrderStatus.COMPLETED;
        completedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /**
     * Re-opens a completed order (payments stay): SENT if anything went to the kitchen, else OPEN.
     * An order with refunds is corrected with refunds, not re-opened.
     */
    public void reopened() {
        if (status != OrderStatus.COMPLETED) {
            throw new BusinessRuleException("order " + getId() + " is " + status
                    + "; only a completed order without refunds can be re-opened");
        }
        status = lines.stream().anyMatch(OrderLine::isSent) ? OrderStatus.SENT : OrderStatus.OPEN;
        completedAt = null;
    }

    /** The customer the order is for (loyalty points go to them on completion), or none. */
    public void setCustomer(Long customerId) {
        requireOpen();
        this.customerId = customerId;
    }

    public void voided(String reason, String by) {
        requireOpen();
        if (paid.signum() != 0) {
            throw new BusinessRuleException("order " + getId() + " has payments; refund them instead of voiding");
        }
        status = OrderStatus.VOIDED;
        voidReason = reason;
        voidedBy = by;
        lines.forEach(l -> {
            if (l.getStatus() == LineStatus.ACTIVE) {
                l.voided(reason, by, null);
            }
        });
        reprice();
    }

    /** What may still be refunded: everything paid, tips included, less what was refunded. */
    public BigDecimal refundable() {
        return paid.add(tips).subtract(refunded);
    }

    public void refunded(BigDecimal amount) {
        if (!status.refundable()) {
            throw new BusinessRuleException("order " + getId() + " is " + status + "; only completed orders are refunded");
        }
        if (amount.compareTo(refundable()) > 0) {
            throw new BusinessRuleException("the refund " + amount + " exceeds what may be refunded (" + refundable() + ")");
        }
        refunded = refunded.add(amount);
        status = refundable().signum() == 0 ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
    }

    public long getOutletId() {
        return outletId;
    }

    public Channel getChannel() {
        return channel;
    }

    public Long getTableId() {
        return tableId;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getSubtotal() {
        return subtotal;
    }

    public BigDecimal getDiscountTotal() {
        return discountTotal;
    }

    public BigDecimal getTaxTotal() {
        return taxTotal;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public BigDecimal getTips() {
        return tips;
    }

    public BigDecimal getPaid() {
        return paid;
    }

    public BigDecimal getRefunded() {
        return refunded;
    }

    public DiscountType getDiscountType() {
        return discountType;
    }

    public BigDecimal getDiscountValue() {
        return discountValue;
    }

    public String getDiscountReason() {
        return discountReason;
    }

    public String getDiscountApprovedBy() {
        return discountApprovedBy;
    }

    public String getVoidReason() {
        return voidReason;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getCompletedAt() {
        return completedAt;
    }

    public List<OrderLine> getLines() {
        return lines;
    }
}
